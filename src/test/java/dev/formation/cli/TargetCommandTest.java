package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.render.PlanSchema;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --target APP[.TYPE]} on plan and apply, against the fake Heroku API. */
class TargetCommandTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 3, p95_ms: 500}
            worker: {size: standard-2x, quantity: 3}
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 2}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private FakeApp production;
  private FakeApp staging;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    production =
        heroku
            .addApp("shop-production", "cedar")
            .process("web", "standard-1x", 1)
            .process("worker", "standard-1x", 1);
    staging = heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
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
  void plan_targetType_plansOnlyThatType_showsTheOthersNotTargeted_andWarns() {
    CliRunner.Result r = run("plan", "--target", "shop-production.worker");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("Targeted: shop-production.worker (the rest is not planned).")
        .contains("worker")
        .contains("Standard-2X")
        .doesNotContain("Performance-M")
        .doesNotContain("autoscaler")
        .contains("    (not targeted) web\n")
        .contains("Plan: 0 to add, 1 to change, 0 to remove.")
        .doesNotContain("shop-staging");
    assertThat(r.err())
        .contains("warning[FM183]: the plan is narrowed to shop-production.worker")
        .contains("exceptional situations");
    assertThat(heroku.requests("GET", "/apps/shop-staging/formation")).isEmpty();
  }

  @Test
  void targetedPlan_inEveryFormat_matchesItsGoldenFiles() {
    String[] target = {"--target", "shop-production.web", "--target", "shop-staging"};

    Golden.assertMatches("plan/targeted.txt", run(with("plan", target)).out());
    Golden.assertMatches(
        "plan/targeted.md", run(with("plan", target, "--format", "markdown")).out());
    Golden.assertMatches("plan/targeted.json", run(with("plan", target, "--format", "json")).out());
  }

  private static String[] with(String command, String[] target, String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
    args.addAll(java.util.List.of(target));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void apply_targetType_changesOnlyThatType_theRestStaysForTheNextPlan() {
    CliRunner.Result r = run("apply", "--auto-approve", "--target", "shop-production.worker");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(production.quantity("worker")).isEqualTo(3);
    assertThat(production.size("worker")).isEqualTo("Standard-2X");
    assertThat(production.size("web")).isEqualTo("Standard-1X");
    assertThat(production.monitors()).isEmpty();
    assertThat(staging.quantity("web")).isEqualTo(1);

    CliRunner.Result rest = run("plan", "--app", "shop-production");
    assertThat(rest.out()).contains("Performance-M").doesNotContain("worker");
  }

  @Test
  void apply_targetWeb_carriesItsAutoscalerWithIt() {
    CliRunner.Result r = run("apply", "--auto-approve", "--target", "shop-production.web");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(production.size("web")).isEqualTo("Performance-M");
    assertThat(production.monitors()).singleElement().satisfies(m -> assertThat(m.active).isTrue());
    assertThat(production.quantity("worker")).isEqualTo(1);
    assertThat(production.size("worker")).isEqualTo("Standard-1X");
  }

  @Test
  void targetApp_isTheWholeApp_andGoesWithApp() {
    CliRunner.Result r =
        run("plan", "--target", "shop-staging", "--app", "shop-production", "--format", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(PlanSchema.errors(r.out())).isEmpty();
    JsonNode doc = JsonMapper.shared().readTree(r.out());
    assertThat(doc.get("targets").valueStream().map(JsonNode::asString))
        .containsExactly("shop-production", "shop-staging");
    assertThat(doc.at("/summary/change").asInt()).isEqualTo(3);
    assertThat(doc.at("/apps/0").has("not_targeted")).isFalse();
  }

  @Test
  void planJson_namesTheTargetsAndTheTypesLeftOut() {
    CliRunner.Result r = run("plan", "--target", "shop-production.web", "--format", "json");

    assertThat(PlanSchema.errors(r.out())).as(r.out()).isEmpty();
    JsonNode doc = JsonMapper.shared().readTree(r.out());
    assertThat(doc.at("/targets/0").asString()).isEqualTo("shop-production.web");
    assertThat(doc.at("/apps/0/not_targeted/0").asString()).isEqualTo("worker");
    assertThat(doc.at("/apps/0/changes").valueStream().map(c -> c.get("type").asString()))
        .containsOnly("web");
  }

  @Test
  void unknownAppOrType_isFM181_withDidYouMean_beforeAnyRequest() {
    CliRunner.Result app = run("plan", "--target", "shop-prodution");
    CliRunner.Result type = run("apply", "--auto-approve", "--target", "shop-production.wrker");

    assertThat(app.exitCode()).isEqualTo(1);
    assertThat(app.err())
        .contains("error[FM181]: --target shop-prodution: no app shop-prodution in the config")
        .contains("did you mean `shop-production`?");
    assertThat(type.exitCode()).isEqualTo(1);
    assertThat(type.err())
        .contains("error[FM181]: --target shop-production.wrker: shop-production has no process")
        .contains("did you mean `worker`?");
    assertThat(heroku.requests("GET", ".*")).isEmpty();
  }

  @Test
  void savedPlan_recordsItsTargets_andApplyingItAppliesExactlyThat() throws IOException {
    CliRunner.Result saved =
        run("plan", "--target", "shop-production.worker", "--out", "plan.json");
    assertThat(saved.exitCode()).as(saved.toString()).isZero();
    assertThat(Files.readString(dir.resolve("plan.json")))
        .contains("\"targets\"")
        .contains("shop-production.worker");

    CliRunner.Result narrowed = run("apply", "plan.json", "--target", "shop-production.web");
    assertThat(narrowed.exitCode()).isEqualTo(1);
    assertThat(narrowed.err()).contains("error[FM132]: --app and --target cannot narrow");

    CliRunner.Result applied = run("apply", "plan.json");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(production.quantity("worker")).isEqualTo(3);
    assertThat(production.size("web")).isEqualTo("Standard-1X");
    assertThat(production.monitors()).isEmpty();

    CliRunner.Result shown = run("show", "plan.json");
    assertThat(shown.out())
        .contains("Targeted: shop-production.worker")
        .contains("(not targeted) web");
  }

  @Test
  void guardrails_judgeOnlyWhatIsTargeted() throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        CONFIG.replace("version: 1\n", "version: 1\nguardrails: {max_monthly_increase: 500}\n"));
    // web to Performance-M ×2–3 is over $500 more a month; worker alone is not
    CliRunner.Result web = run("apply", "--auto-approve", "--target", "shop-production.web");
    assertThat(web.exitCode()).as(web.toString()).isEqualTo(1);
    assertThat(web.out()).contains("guardrail max_monthly_increase");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();

    CliRunner.Result worker = run("apply", "--auto-approve", "--target", "shop-production.worker");
    assertThat(worker.exitCode()).as(worker.toString()).isZero();
  }

  @Test
  void aTierMoveThatWouldLeaveAnUntargetedTypeBehind_isRefused_namingIt() throws IOException {
    production.process("web", "basic", 1).process("worker", "basic", 1);
    Files.writeString(
        dir.resolve("formation.yaml"),
        CONFIG.replace("guardrails: {max_monthly_increase: 500}\n", ""));

    CliRunner.Result r = run("apply", "--auto-approve", "--target", "shop-production.web");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("error[FM182]: shop-production: the targeted size change moves the app to")
        .contains("would leave worker (not targeted) behind")
        .contains("--target shop-production.worker");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
    assertThat(run("plan", "--target", "shop-production.web", "--out", "p.json").exitCode())
        .isEqualTo(1);
    assertThat(dir.resolve("p.json")).doesNotExist();

    CliRunner.Result both =
        run(
            "apply",
            "--auto-approve",
            "--target",
            "shop-production.web",
            "--target",
            "shop-production.worker");
    assertThat(both.exitCode()).as(both.toString()).isZero();
  }
}
