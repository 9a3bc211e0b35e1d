package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.render.PlanSchema;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code formation show PLANFILE}: the saved plan as plan printed it, offline, tampering refused.
 */
class ShowCommandTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 3}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;

  @BeforeEach
  void start() throws Exception {
    heroku = FakeHeroku.start();
    heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec(args);
  }

  @Test
  void show_printsTheSavedPlanInEachFormat_asPlanDid_withoutAnyRequest() {
    CliRunner.Result plan = run("plan", "--out", "plan.json");
    CliRunner.Result planJson = run("plan", "--format", "json");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    heroku.clearRequests();

    CliRunner.Result text = run("show", "plan.json");
    CliRunner.Result json = run("show", "plan.json", "--format", "json");
    CliRunner.Result markdown = run("show", "plan.json", "--format", "markdown");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .startsWith("Saved plan plan.json: made ")
        .contains("from files on no commit")
        .contains("Standard-1X ×1 → Standard-1X ×3")
        .endsWith(plan.out());
    assertThat(json.out()).startsWith("{\n  \"kind\" : \"formation-plan\",");
    assertThat(PlanSchema.errors(json.out())).isEmpty();
    assertThat(json.out().replaceAll("\"evaluated_at\" : \"[^\"]*\"", ""))
        .isEqualTo(planJson.out().replaceAll("\"evaluated_at\" : \"[^\"]*\"", ""));
    assertThat(markdown.out()).startsWith("### formation plan");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void show_ofAPlanEditedByHand_isRefusedAsApplyRefusesIt() throws Exception {
    assertThat(run("plan", "--out", "plan.json").exitCode()).isZero();
    Path file = dir.resolve("plan.json");
    Files.writeString(
        file, Files.readString(file).replaceFirst("\"quantity\" : 3", "\"quantity\" : 30"));

    CliRunner.Result r = run("show", "plan.json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM131]").contains("digest does not match");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void show_ofAMissingFile_saysHowToMakeOne() {
    CliRunner.Result r = run("show", "nothing.json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM131]").contains("formation plan --out nothing.json");
  }
}
