package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.render.PlanSchema;
import dev.formation.testing.CliRunner;
import dev.formation.testing.GitFixture;
import dev.formation.testing.Golden;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ref, diff and log against temporary repositories built with JGit. */
class GitCommandsTest {
  static final String V1 =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web: {size: standard-2x, quantity: 2}
            worker: {size: standard-1x, quantity: 1}
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 1}
      """;
  static final String V2 =
      """
      version: 1
      apps:
        shop-production:
          prune: true
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 4, p95_ms: 500}
            clock: {size: standard-1x, quantity: 1}
        shop-review:
          processes:
            web: {size: basic, quantity: 1}
      """;
  static final String BROKEN =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web: {size: standard-9x, quantity: 2}
      """;

  @TempDir Path dir;
  private GitFixture repo;

  @BeforeEach
  void init() {
    repo = GitFixture.init(dir);
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, Map.of(), Environment.Terminal.NONE).exec(args);
  }

  @Test
  void validate_atRef_readsTheCommittedFile_andNamesRefPathInDiagnostics() {
    repo.write("formation.yaml", BROKEN).commit("broken");
    repo.tag("v-broken");
    repo.write("formation.yaml", V1).commit("fixed");

    assertThat(run("validate").exitCode()).isZero();
    CliRunner.Result old = run("validate", "--ref", "v-broken");
    assertThat(old.exitCode()).as(old.toString()).isEqualTo(1);
    assertThat(old.out()).contains("v-broken:formation.yaml:5:");
    assertThat(run("validate", "--ref", "HEAD").exitCode()).isZero();
  }

  @Test
  void validate_atRef_githubAnnotationsNameTheRepositoryPath_andTheRefInTheTitle() {
    repo.write("formation.yaml", BROKEN).commit("broken");
    repo.tag("v-broken");

    CliRunner.Result r = run("validate", "--ref", "v-broken", "--format", "github");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("::error file=formation.yaml,line=5,col=")
        .contains(",title=FM")
        .contains(" at v-broken::");
  }

  @Test
  void validate_atRef_folderMeansItsYamlFilesAtThatCommit() {
    repo.write("config/a.yaml", V1).write("config/notes.txt", "x").commit("split");
    repo.write("config/b.yaml", BROKEN).commit("broken b");

    CliRunner.Result r = run("validate", "-f", "config", "--ref", "HEAD~1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    CliRunner.Result head = run("validate", "-f", "config", "--ref", "main");
    assertThat(head.exitCode()).isEqualTo(1);
    assertThat(head.out()).contains("main:config/b.yaml:5:");
  }

  @Test
  void ref_unknown_orOutsideGit_isAClearError() {
    repo.write("formation.yaml", V1).commit("one");

    CliRunner.Result r = run("validate", "--ref", "no-such-branch");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("error[FM100]: unknown git ref `no-such-branch`")
        .doesNotContain("Exception");
    assertThat(run("validate", "--ref", "HEAD", "-f", "other.yaml").out())
        .contains("`other.yaml` does not exist at HEAD");
  }

  @Test
  void ref_outsideAGitRepository_isAClearError(@TempDir Path elsewhere) {
    CliRunner.Result r =
        CliRunner.in(elsewhere, Map.of(), Environment.Terminal.NONE)
            .exec("validate", "--ref", "main");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("error[FM100]: ").contains("is not inside a git repository");
  }

  @Test
  void diff_inARepositoryWithNoCommitYet_saysSo() {
    repo.write("formation.yaml", V1);

    CliRunner.Result r = run("diff");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("the repository has no commit yet")
        .doesNotContain("unknown git ref");
  }

  @Test
  void diff_notARepository_isAClearError(@TempDir Path elsewhere) {
    CliRunner.Result r = CliRunner.in(elsewhere, Map.of(), Environment.Terminal.NONE).exec("diff");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("is not inside a git repository");
  }

  private void twoVersions() {
    repo.write("formation.yaml", V1).commit("first formation");
    repo.branch("bigger");
    repo.write("formation.yaml", V2).commit("autoscale production, review app");
  }

  @Test
  void diff_twoRevisions_inEveryFormat_matchesGolden() {
    twoVersions();

    CliRunner.Result text = run("diff", "main", "bigger");
    assertThat(text.exitCode()).as(text.toString()).isZero();
    Golden.assertMatches("diff/two-versions.txt", text.out());
    Golden.assertMatches(
        "diff/two-versions.md", run("diff", "main", "bigger", "--format", "markdown").out());
    String json = run("diff", "main", "bigger", "--format", "json").out();
    Golden.assertMatches("diff/two-versions.json", json);
    assertThat(PlanSchema.errors(json)).isEmpty();
  }

  @Test
  void diff_defaults_mergeBaseWithUpstream_toWorkTree() {
    String base = repo.write("formation.yaml", V1).commit("first formation");
    repo.branch("feature");
    repo.write("formation.yaml", V1.replace("quantity: 2", "quantity: 5")).commit("more web");
    repo.upstream("feature", "origin", "main", base);
    repo.write("formation.yaml", V1.replace("quantity: 2", "quantity: 6"));

    CliRunner.Result r = run("diff");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith(
            "formation diff "
                + base.substring(0, 7)
                + " (the merge base of HEAD and origin/main) → work tree")
        .contains("web: Standard-2X ×2 → Standard-2X ×6  +$200/mo");
  }

  @Test
  void diff_withoutUpstream_comparesHeadWithWorkTree_andExits0WithNoChange() {
    repo.write("formation.yaml", V1).commit("one");

    CliRunner.Result r = run("diff");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("HEAD → work tree").contains("No changes to the formation.");
  }

  @Test
  void diff_invalidVersion_isAnErrorNamingRefAndLine() {
    repo.write("formation.yaml", BROKEN).commit("broken");
    repo.write("formation.yaml", V1).commit("fixed");

    CliRunner.Result r = run("diff", "HEAD~1", "HEAD");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("HEAD~1:formation.yaml:5:");
  }

  @Test
  void diffMarkdown_changeWithoutCost_saysUnchanged_andGivesAPercentForAutoscaledRanges() {
    repo.write("formation.yaml", V2).commit("v2");
    repo.write("formation.yaml", V2.replace("p95_ms: 500", "p95_ms: 800")).commit("slower");
    repo.write("formation.yaml", V2.replace("quantity: 1}\n  shop", "quantity: 2}\n  shop"));

    assertThat(run("diff", "HEAD~1", "HEAD", "--format", "markdown").out())
        .startsWith("### formation diff: monthly estimate unchanged\n");
    assertThat(run("diff", "HEAD~1", "--format", "markdown").out())
        .startsWith("### formation diff: monthly estimate +$25 (+2–5%)");
  }

  @Test
  void diff_fileInNeitherVersion_isAnError_notNoChanges() {
    twoVersions();
    repo.write("config/a.yaml", V1).commit("a folder");

    CliRunner.Result typo = run("diff", "main", "bigger", "-f", "formaton.yaml");
    assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(1);
    assertThat(typo.out()).isEmpty();
    assertThat(typo.err()).contains("`formaton.yaml` exists neither at main nor at bigger");
    CliRunner.Result text = run("diff", "HEAD~1", "-f", "formaton.yaml", "--text");
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.err()).contains("nor in the work tree");
    assertThat(run("diff", "main", "bigger", "-f", "formation.yaml", "-f", "nope").exitCode())
        .isEqualTo(1);
    CliRunner.Result added = run("diff", "HEAD~1", "HEAD", "-f", "config");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(run("diff", "HEAD~1", "HEAD", "-f", ".").exitCode()).isZero();
  }

  @Test
  void diffText_printsAUnifiedDiffOfTheFiles() {
    twoVersions();

    CliRunner.Result r = run("diff", "main", "bigger", "--text");
    assertThat(r.exitCode()).isZero();
    Golden.assertMatches("diff/two-versions.diff", r.out());
    assertThat(r.out()).startsWith("--- main:formation.yaml\n+++ bigger:formation.yaml\n@@ ");
  }

  @Test
  void log_listsPerAppTheCommitsThatChangedIt_newestFirst_acrossAMerge() {
    repo.write("formation.yaml", V1).commit("first formation");
    repo.branch("feature");
    repo.write("formation.yaml", V1.replace("quantity: 2", "quantity: 3")).commit("web to 3");
    repo.checkout("main");
    repo.write("README.md", "unrelated").commit("docs only");
    repo.merge("feature", "Merge feature");

    CliRunner.Result r = run("log", "--app", "shop-production");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("web to 3")
        .contains("first formation")
        .doesNotContain("docs only")
        .doesNotContain("shop-staging")
        .contains("web: Standard-2X ×2 → Standard-2X ×3")
        .contains("monthly +$50; not applied");
    assertThat(r.out().indexOf("web to 3")).isLessThan(r.out().indexOf("first formation"));
    assertThat(run("log", "--format", "json").out())
        .contains("\"format_version\" : 1")
        .contains("\"subject\" : \"web to 3\"");
  }
}
