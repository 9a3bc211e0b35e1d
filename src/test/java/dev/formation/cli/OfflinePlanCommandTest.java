package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.plan.OfflineBasis;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code plan --offline} plans against the last apply recorded in git: it sends nothing (the fake
 * platform counts no request), needs no token, and is never saved.
 */
class OfflinePlanCommandTest {
  private static final String APPLIED =
      """
      version: 1
      apps:
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 2}
      """;

  private static final String CHANGED =
      """
      version: 1
      apps:
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 3}
        shop-new:
          processes:
            web: {size: standard-2x, quantity: 1}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private GitFixture repo;
  private String appliedCommit;

  @BeforeEach
  void applyOnce() {
    heroku = FakeHeroku.start(4);
    heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
    repo = GitFixture.init(dir);
    repo.write("formation.yaml", APPLIED);
    appliedCommit = repo.commit("config");
    CliRunner.Result applied =
        CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec("apply", "--auto-approve");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    repo.write("formation.yaml", CHANGED);
    repo.commit("scale up, add an app");
    // a hand change on the platform: an offline plan does not see it
    heroku.app("shop-staging").process("web", "standard-1x", 7);
    heroku.clearRequests();
  }

  @AfterEach
  void stop() {
    repo.close();
    heroku.close();
  }

  @Test
  void offline_plansAgainstTheRecord_andSendsNoRequest() {
    CliRunner.Result r =
        CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE)
            .exec("plan", "--offline", "--detailed-exitcode");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CHANGES);
    assertThat(heroku.requests()).isEmpty();
    assertThat(r.out())
        .startsWith("Plan " + OfflineBasis.LABEL)
        .contains("~ web  Standard-1X ×2 → Standard-1X ×3")
        .contains("(commit " + appliedCommit.substring(0, 7) + ")")
        .contains("# offline: " + OfflineBasis.NEVER_APPLIED)
        .contains("+ web  0 → 1 × Standard-2X")
        .doesNotContain("×7");
    assertThat(r.err()).doesNotContain("FM185").doesNotContain("FM186");
  }

  @Test
  void offline_withoutAnyTokenOrHost_fromAnotherFolder_stillPlans(@TempDir Path elsewhere) {
    // the repository is the config file's, not the folder formation runs in
    CliRunner.Result r =
        CliRunner.in(elsewhere, Map.of(), Environment.Terminal.NONE)
            .exec(
                "plan",
                "--offline",
                "-f",
                dir.resolve("formation.yaml").toString(),
                "--format",
                "markdown");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("### formation plan (offline): 1 to add, 1 to change")
        .contains(OfflineBasis.LABEL)
        .contains("_offline: " + OfflineBasis.NEVER_APPLIED + "_");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void offline_json_namesTheCommitAndTimeEachAppWasComparedWith() throws Exception {
    CliRunner.Result r =
        CliRunner.in(dir, Map.of(), Environment.Terminal.NONE)
            .exec("plan", "--offline", "--format", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode plan = JsonMapper.shared().readTree(r.out());
    assertThat(plan.path("offline").asBoolean()).isTrue();
    assertThat(plan.path("compared_with").asString()).isEqualTo(OfflineBasis.LABEL);
    JsonNode staging = plan.path("apps").get(0).path("offline");
    assertThat(staging.path("applied").asBoolean()).isTrue();
    assertThat(staging.path("commit").asString()).isEqualTo(appliedCommit);
    assertThat(staging.path("applied_at").asString()).isNotEmpty();
    assertThat(plan.path("apps").get(1).path("offline").path("applied").asBoolean()).isFalse();
  }

  @Test
  void offline_withOut_isRefusedAndWritesNothing() {
    CliRunner.Result r =
        CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE)
            .exec("plan", "--offline", "--out", "plan.json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.ERROR);
    assertThat(r.err()).contains("error[FM184]").contains("cannot be saved");
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("plan.json")).doesNotExist();
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void offline_inARepositoryWithoutNotes_plansEveryAppAsNewAndSaysHowToFetchThem(
      @TempDir Path clone) {
    try (GitFixture other = GitFixture.init(clone)) {
      other.write("formation.yaml", CHANGED);
      other.commit("config");
    }

    CliRunner.Result r =
        CliRunner.in(clone, Map.of(), Environment.Terminal.NONE)
            .exec("plan", "--offline", "--detailed-exitcode");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CHANGES);
    assertThat(r.err())
        .contains("warning[FM186]")
        .contains("git fetch origin refs/notes/formation:refs/notes/formation");
    assertThat(r.out()).contains("Plan: 2 to add, 0 to change, 0 to remove.");
  }

  @Test
  void offline_outsideGit_plansEveryAppAsNewWithAWarning(@TempDir Path plain) throws Exception {
    Files.writeString(plain.resolve("formation.yaml"), CHANGED);

    CliRunner.Result r =
        CliRunner.in(plain, Map.of(), Environment.Terminal.NONE).exec("plan", "--offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("warning[FM185]").contains("not in a git work tree");
    assertThat(r.out()).contains("Plan: 2 to add, 0 to change, 0 to remove.");
  }
}
