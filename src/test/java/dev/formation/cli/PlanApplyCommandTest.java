package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan and apply end to end: the real command line against the strict fake Heroku API. */
class PlanApplyCommandTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 8, p95_ms: 500, notify: true}
            worker:
              size: standard-2x
              quantity: 3
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 1}
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
    return cli(Environment.Terminal.NONE).exec(args);
  }

  private CliRunner cli(Environment.Terminal terminal) {
    return CliRunner.in(dir, heroku.env(), terminal);
  }

  @Test
  void plan_withChanges_exits2WithDetailedExitcode_andReadsOnceAnApp() {
    CliRunner.Result r = run("plan", "--detailed-exitcode");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out())
        .contains("shop-production")
        .contains("Performance-M")
        .contains("Plan: 1 to add, 2 to change, 0 to remove.");
    assertThat(heroku.requests("GET", "/apps/shop-production/formation")).hasSize(1);
    assertThat(heroku.requests("GET", "/apps/shop-staging/formation")).hasSize(1);
    // live web is Standard-1X: no monitor can exist, so none is asked for
    assertThat(heroku.requests("GET", ".*/monitors")).isEmpty();
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
  }

  @Test
  void plan_withoutDetailedExitcode_exits0EvenWithChanges() {
    assertThat(run("plan").exitCode()).isZero();
  }

  @Test
  void apply_autoApprove_sendsOneBatchPerChangedApp_thenPlanIsEmpty() {
    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<RecordedRequest> patches = heroku.requests("PATCH", "/apps/[^/]+/formation");
    assertThat(patches).hasSize(1);
    assertThat(patches.get(0).path()).isEqualTo("/apps/shop-production/formation");
    assertThat(patches.get(0).body())
        .contains("\"updates\"")
        .contains("\"dyno_size\"")
        .doesNotContain("\"size\":");
    assertThat(heroku.requests("POST", ".*/monitors")).hasSize(1);
    assertThat(production.size("web")).isEqualTo("Performance-M");
    assertThat(production.quantity("worker")).isEqualTo(3);
    assertThat(production.monitors()).singleElement().satisfies(m -> assertThat(m.active).isTrue());
    assertThat(r.out()).contains("shop-production: applied").contains("Apply complete");

    CliRunner.Result again = run("plan", "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  @Test
  void apply_withoutTerminal_refusesAndChangesNothing() {
    CliRunner.Result r = run("apply");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("--auto-approve");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
    assertThat(heroku.requests("POST", ".*")).isEmpty();
  }

  @Test
  void apply_autoApprove_ofAFormationChange_readsOnceAndWritesOnce_theAnswerVerifiesIt() {
    production.process("web", "performance-m", 3).process("worker", "standard-2x", 3);
    staging.process("web", "standard-1x", 4);
    heroku.clearRequests();

    CliRunner.Result r = run("apply", "--auto-approve", "--app", "shop-staging");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(heroku.requests())
        .extracting(q -> q.method() + " " + q.path())
        .containsExactly("GET /apps/shop-staging/formation", "PATCH /apps/shop-staging/formation");
    assertThat(staging.quantity("web")).isEqualTo(1);
    assertThat(r.out()).contains("shop-staging: applied");
  }

  @Test
  void apply_approvedAtThePrompt_readsTheAppAgainBeforeWriting() {
    staging.process("web", "standard-1x", 4);
    heroku.clearRequests();

    CliRunner.Result r = cli(answering("yes")).exec("apply", "--app", "shop-staging");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(heroku.requests())
        .extracting(q -> q.method() + " " + q.path())
        .containsExactly(
            "GET /apps/shop-staging/formation",
            "GET /apps/shop-staging/formation",
            "PATCH /apps/shop-staging/formation");
  }

  @Test
  void apply_atThePrompt_acceptsOnlyYes() {
    CliRunner.Result no = cli(answering("y")).exec("apply");
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();

    CliRunner.Result yes = cli(answering("yes")).exec("apply");
    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(production.quantity("worker")).isEqualTo(3);
  }

  @Test
  void applySavedPlan_afterAHandChange_isRefusedNamingWhatMoved() {
    assertThat(run("plan", "--out", "plan.json").exitCode()).isZero();
    assertThat(dir.resolve("plan.json")).exists();
    assertThat(Files.exists(dir.resolve("plan.json"))).isTrue();
    production.process("worker", "standard-1x", 5); // someone scaled by hand

    CliRunner.Result r = run("apply", "plan.json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("stale").contains("shop-production").contains("worker");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
  }

  @Test
  void applySavedPlan_afterTheAutoscalerMovedWeb_stillApplies() {
    production.process("web", "performance-m", 3);
    production.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, true);
    assertThat(run("plan", "--out", "plan.json").exitCode()).isZero();
    production.setQuantityAsTheAutoscaler("web", 6);

    CliRunner.Result r = run("apply", "plan.json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(production.quantity("worker")).isEqualTo(3);
    assertThat(production.quantity("web")).isEqualTo(6);
  }

  @Test
  void applySavedPlan_unchangedLive_appliesExactlyThePlan() throws IOException {
    assertThat(run("plan", "--out", "plan.json").exitCode()).isZero();
    Files.writeString(dir.resolve("formation.yaml"), "version: 1\napps: {}\n"); // ignored

    CliRunner.Result r = run("apply", "plan.json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(production.quantity("worker")).isEqualTo(3);
    assertThat(heroku.requests("PATCH", "/apps/[^/]+/formation")).hasSize(1);
  }

  @Test
  void applySavedPlan_editedByHand_isRefused_andNothingIsWritten() throws IOException {
    assertThat(run("plan", "--out", "plan.json").exitCode()).isZero();
    Path file = dir.resolve("plan.json");
    String edited = Files.readString(file).replaceFirst("\"quantity\" : 3", "\"quantity\" : 50");
    assertThat(edited).isNotEqualTo(Files.readString(file));
    Files.writeString(file, edited);
    heroku.clearRequests();

    CliRunner.Result r = run("apply", "plan.json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM131]").contains("digest does not match");
    assertThat(heroku.requests()).isEmpty();
    assertThat(production.quantity("worker")).isEqualTo(1);
  }

  @Test
  void planOut_toADeviceOrAFolder_isRefusedBeforeAnyRequest() throws IOException {
    Files.createDirectories(dir.resolve("a-folder"));

    for (String out : new String[] {"/dev/null", "a-folder", "no-such-folder/plan.json"}) {
      CliRunner.Result r = run("plan", "--out", out);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.err()).contains("error[FM131]: cannot save the plan to " + out);
      assertThat(r.out()).isEmpty();
    }
    assertThat(heroku.requests()).isEmpty();
    assertThat(Files.isRegularFile(Path.of("/dev/null")))
        .as("/dev/null is left a device")
        .isFalse();
  }

  @Test
  void apply_ofAConfigFileAsAPlan_orAMissingPlan_saysWhatToDo() {
    CliRunner.Result yaml = run("apply", "formation.yaml");
    CliRunner.Result missing = run("apply", "nosuchplan.json");

    assertThat(yaml.exitCode()).isEqualTo(1);
    assertThat(yaml.err()).contains("apply it with `formation apply -f formation.yaml`");
    assertThat(missing.err())
        .contains("cannot read plan file")
        .contains("no such file")
        .contains("formation plan --out nosuchplan.json");
  }

  @Test
  void plan_savedFile_holdsNoToken() throws IOException {
    run("plan", "--out", "plan.json");
    assertThat(Files.readString(dir.resolve("plan.json"))).doesNotContain(heroku.token());
  }

  @Test
  void apply_through429And503_stillConverges() {
    heroku.inject(FakeFault.rateLimited(null).times(2).on("PATCH", ".*"));
    heroku.inject(FakeFault.serverError(503).times(1).on("GET", ".*"));

    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void debug_tracesRequests_withoutTheToken() {
    CliRunner.Result r = run("apply", "--auto-approve", "--debug");

    assertThat(r.err()).contains("debug:").contains("PATCH").contains("[REDACTED]");
    assertThat(r.out() + r.err()).doesNotContain(heroku.token());
  }

  @Test
  void apply_oneAppFails_othersApplied_exit1_andRerunConverges() throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        CONFIG.replace(
            "web: {size: standard-1x, quantity: 1}", "web: {size: standard-1x, quantity: 2}"));
    heroku.inject(FakeFault.serverError(500).times(50).on("PATCH", "/apps/shop-staging/.*"));

    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("shop-production: applied")
        .contains("shop-staging: FAILED")
        .contains("not done:");
    assertThat(production.quantity("worker")).isEqualTo(3);
    assertThat(staging.quantity("web")).isEqualTo(1);

    heroku.clearFaults();
    heroku.clearRequests();
    CliRunner.Result again = run("apply", "--auto-approve");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(staging.quantity("web")).isEqualTo(2);
    assertThat(heroku.requests("PATCH", "/apps/shop-production/formation")).isEmpty();
  }

  @Test
  void plan_autoscaledWebInsideBand_isNoChange_andApplySendsNoQuantity() {
    production.process("web", "performance-m", 5).process("worker", "standard-2x", 3);
    production.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, true);

    CliRunner.Result r = run("plan", "--detailed-exitcode", "--app", "shop-production");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(heroku.requests("GET", ".*/monitors")).hasSize(1);
  }

  @Test
  void apply_tierMoveWithAnIdleUnmanagedType_convergesInOneBatch() throws IOException {
    heroku.addApp("tiny-app", "cedar").process("web", "basic", 1).process("clock", "basic", 0);
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\n"
            + "apps:\n"
            + "  tiny-app:\n"
            + "    processes:\n"
            + "      web: {size: standard-1x, quantity: 1}\n");

    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(heroku.requests("PATCH", "/apps/tiny-app/formation")).hasSize(1);
    assertThat(heroku.app("tiny-app").size("web")).isEqualTo("Standard-1X");
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void plan_unknownApp_isAnErrorWithAHint() {
    CliRunner.Result r = run("plan", "--app", "shop-prodution");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("shop-production");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void plan_missingToken_isAClearError() {
    CliRunner.Result r =
        CliRunner.in(dir, Map.of("HEROKU_HOST", heroku.url()), Environment.Terminal.NONE)
            .exec("plan");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("HEROKU_API_KEY");
  }

  @Test
  void import_printsYamlThatPlansAsNoChanges() throws IOException {
    production.process("web", "performance-m", 4).process("worker", "standard-2x", 3);
    production.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, true);

    CliRunner.Result imported = run("import", "shop-production", "shop-staging");

    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).contains("autoscale: {min: 2, max: 8, p95_ms: 500, notify: true}");
    Files.writeString(dir.resolve("formation.yaml"), imported.out());
    assertThat(run("validate").exitCode()).isZero();
    CliRunner.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
  }

  @Test
  void import_unknownApp_exits1() {
    CliRunner.Result r = run("import", "no-such-app");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no-such-app");
  }

  private static Environment.Terminal answering(String... lines) {
    Deque<String> answers = new ArrayDeque<>(List.of(lines));
    return new Environment.Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public String readLine(String prompt) {
        return answers.poll();
      }
    };
  }
}
