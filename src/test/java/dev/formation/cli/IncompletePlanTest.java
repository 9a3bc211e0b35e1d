package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.render.PlanSchema;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.Golden;
import java.io.IOException;
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
 * A plan or apply in which one of three apps cannot be read: the app's FM120 error under its name,
 * the summary saying the plan is incomplete, exit 1 in every format.
 */
class IncompletePlanTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web: {size: standard-1x, quantity: 2}
        shop-gone:
          processes:
            web: {size: standard-1x, quantity: 1}
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 1}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    // shop-gone is in the config and not on the platform: its read answers 404
    heroku.addApp("shop-production", "cedar").process("web", "standard-1x", 1);
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

  /** The fake gives every answer a new request id. */
  private static String withoutRequestIds(String out) {
    return out.replaceAll("request id [0-9a-f-]{36}", "request id …");
  }

  @Test
  void plan_oneOfThreeAppsUnreadable_saysThePlanIsIncomplete_andExits1() {
    CliRunner.Result r = run("plan");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "  # app shop-gone (heroku)\n"
                + "  error[FM120]: cannot read app shop-gone: app `shop-gone` not found")
        .contains(
            "Plan: 0 to add, 1 to change, 0 to remove."
                + " 1 of 3 apps could not be read: the plan is incomplete.\n");
    Golden.assertMatches("plan/incomplete.txt", withoutRequestIds(r.out()));
  }

  @Test
  void plan_detailedExitcode_incompletePlanWithChanges_exits1Not2() {
    CliRunner.Result r = run("plan", "--detailed-exitcode");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
  }

  @Test
  void plan_json_carriesTheCodedDiagnostic_andSaysItIsIncomplete() {
    CliRunner.Result r = run("plan", "--format", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(PlanSchema.errors(r.out())).isEmpty();
    JsonNode plan = JsonMapper.shared().readTree(r.out());
    assertThat(plan.get("summary").get("incomplete").asBoolean()).isTrue();
    assertThat(plan.get("summary").get("unread_apps").asInt()).isEqualTo(1);
    JsonNode gone = plan.get("apps").get(1);
    assertThat(gone.get("app").asString()).isEqualTo("shop-gone");
    assertThat(gone.get("diagnostics").get(0).get("code").asString()).isEqualTo("FM120");
    assertThat(gone.get("diagnostics").get(0).get("severity").asString()).isEqualTo("error");
    assertThat(plan.get("apps").get(0).has("diagnostics")).isFalse();
    Golden.assertMatches("plan/incomplete.json", withoutRequestIds(r.out()));
  }

  @Test
  void plan_markdown_saysThePlanIsIncomplete_andShowsTheErrorUnderItsApp() {
    CliRunner.Result r = run("plan", "--format", "markdown");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("**1 of 3 apps could not be read: the plan is incomplete.**")
        .contains(
            "#### shop-gone (heroku)\n\n"
                + "> **error[FM120]:** cannot read app shop-gone: app `shop-gone` not found");
    Golden.assertMatches("plan/incomplete.md", withoutRequestIds(r.out()));
  }

  @Test
  void apply_oneAppUnreadable_appliesTheOthers_reportsItCoded_andExits1() {
    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("1 of 3 apps could not be read: the plan is incomplete.")
        .contains("shop-production: applied")
        .contains("shop-gone: not applied\n  error[FM120]: cannot read app shop-gone")
        .contains(
            "Apply incomplete: 1 applied, 1 failed, 1 unchanged. 1 of 3 apps could not be read.");
    assertThat(heroku.app("shop-production").quantity("web")).isEqualTo(2);
  }

  @Test
  void apply_oneAppsWriteRefused_reportsTheWriteErrorCoded_andExits1() {
    heroku.inject(
        FakeFault.answer(
                422,
                "{\"id\":\"invalid_params\",\"message\":\"Quantity is out of range.\"}",
                Map.of("Content-Type", "application/json"))
            .times(1)
            .on("PATCH", "/apps/shop-production/formation"));

    CliRunner.Result r = run("apply", "--auto-approve", "--app", "shop-production");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("shop-production: FAILED\n  error[FM121]: update the formation")
        .contains("Quantity is out of range.")
        .contains("Apply incomplete: 0 applied, 1 failed, 0 unchanged.");
    assertThat(heroku.app("shop-production").quantity("web")).isEqualTo(1);
  }
}
