package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import dev.formation.testing.Golden;
import dev.formation.testing.JsonSchemas;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code apply --format json}: one document on stdout, checked against its schema. */
class ApplyJsonTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web: {size: standard-2x, quantity: 2}
            worker: {size: standard-1x, quantity: 3}
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 1}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private GitFixture repo;

  @BeforeEach
  void start() {
    heroku = FakeHeroku.start();
    heroku
        .addApp("shop-production", "cedar")
        .process("web", "standard-1x", 1)
        .process("worker", "standard-1x", 1);
    heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
    repo = GitFixture.init(dir);
    repo.write("formation.yaml", CONFIG);
  }

  @AfterEach
  void stop() {
    repo.close();
    heroku.close();
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec(args);
  }

  /** The one document, after checking it against the schema. */
  private static JsonNode document(CliRunner.Result r) {
    assertThat(JsonSchemas.errors("apply.schema.json", r.out())).as(r.out()).isEmpty();
    return JsonMapper.shared().readTree(r.out());
  }

  @Test
  void autoApprove_printsOneDocument_theReportOnStdout_progressOnStderr() {
    String head = repo.commit("production scaled up");

    CliRunner.Result r = run("apply", "--format", "json", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode doc = document(r);
    assertThat(doc.get("kind").asString()).isEqualTo("formation-apply-report");
    assertThat(doc.get("format_version").asInt()).isEqualTo(1);
    assertThat(doc.at("/plan/kind").asString()).isEqualTo("formation-plan");
    assertThat(doc.at("/plan/summary/change").asInt()).isEqualTo(2);
    assertThat(doc.at("/apps/0/app").asString()).isEqualTo("shop-production");
    assertThat(doc.at("/apps/0/outcome").asString()).isEqualTo("applied");
    assertThat(doc.at("/apps/0/done").size()).isPositive();
    assertThat(doc.at("/apps/0/not_done").size()).isZero();
    assertThat(doc.at("/apps/1/outcome").asString()).isEqualTo("unchanged");
    assertThat(doc.at("/summary/result").asString()).isEqualTo("complete");
    assertThat(doc.at("/summary/applied").asInt()).isEqualTo(1);
    assertThat(doc.at("/summary/unchanged").asInt()).isEqualTo(1);
    assertThat(doc.get("recorded").asString()).isEqualTo(head);
    assertThat(doc.get("exit_code").asInt()).isZero();
    assertThat(r.out()).doesNotContain("Apply complete");
    assertThat(r.err()).contains("Recorded the apply in refs/notes/formation");
  }

  @Test
  void theSchema_refusesAFieldItDoesNotName_inEveryObjectOfTheReport() {
    repo.commit("production scaled up");
    heroku.inject(FakeFault.serverError(500).times(50).on("PATCH", "/apps/shop-production/.*"));
    CliRunner.Result r = run("apply", "--format", "json", "--auto-approve");
    document(r);

    // the failed app gives the report every object it can hold: apps, diagnostics, the plan
    assertThat(JsonSchemas.acceptsUnknownFields("apply.schema.json", r.out(), p -> false))
        .isEmpty();
  }

  @Test
  void theReport_matchesItsGoldenFile() {
    heroku.inject(
        FakeFault.answer(422, "{\"id\":\"invalid_params\",\"message\":\"Not today.\"}", Map.of())
            .on("PATCH", "/apps/shop-staging/.*"));
    repo.write("formation.yaml", CONFIG.replace("quantity: 1", "quantity: 2"));
    repo.commit("staging scaled up too");

    CliRunner.Result r = run("apply", "--format", "json", "--auto-approve");

    String commit = JsonMapper.shared().readTree(r.out()).get("recorded").asString();
    Golden.assertMatches(
        "apply/report.json",
        r.out().replace(commit, "COMMIT").replaceAll("request id [0-9a-f-]{36}", "request id …"));
  }

  @Test
  void withoutApproval_refusesAtOnce_readingNothing() {
    CliRunner.Result r = run("apply", "--format", "json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error[FM180]").contains("--auto-approve");
    assertThat(heroku.requests("GET", ".*")).isEmpty();
  }

  @Test
  void aFailedApp_isReportedFailed_withItsCodedDiagnostics_andExit1() {
    repo.commit("production scaled up");
    heroku.inject(FakeFault.serverError(500).times(50).on("PATCH", "/apps/shop-production/.*"));

    CliRunner.Result r = run("apply", "--format", "json", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode doc = document(r);
    assertThat(doc.at("/apps/0/outcome").asString()).isEqualTo("failed");
    assertThat(doc.at("/apps/0/diagnostics/0/code").asString()).isEqualTo("FM121");
    assertThat(doc.at("/apps/0/not_done").size()).isPositive();
    assertThat(doc.at("/summary/result").asString()).isEqualTo("incomplete");
    assertThat(doc.at("/summary/failed").asInt()).isEqualTo(1);
    assertThat(doc.get("recorded").isNull()).isTrue();
    assertThat(doc.get("exit_code").asInt()).isEqualTo(1);
  }

  @Test
  void aSavedPlan_isAppliedWithoutAutoApprove() {
    repo.commit("production scaled up");
    assertThat(run("plan", "--out", "plan.json").exitCode()).isZero();

    CliRunner.Result r = run("apply", "--format", "json", "plan.json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode doc = document(r);
    assertThat(doc.at("/apps/0/outcome").asString()).isEqualTo("applied");
    assertThat(r.err()).contains("Applying the saved plan plan.json.");
  }

  @Test
  void nothingToChange_reportsEveryAppUnchanged_andRecordsNothing() {
    repo.commit("production scaled up");
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();

    CliRunner.Result r = run("apply", "--format", "json", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode doc = document(r);
    assertThat(doc.at("/summary/unchanged").asInt()).isEqualTo(2);
    assertThat(doc.get("recorded").isNull()).isTrue();
    assertThat(heroku.requests("PATCH", ".*")).hasSize(1);
  }

  @Test
  void aRefusal_stillPrintsOneDocument_withTheRefusalsDiagnostic() {
    repo.commit("production scaled up");
    repo.write("formation.yaml", CONFIG.replace("quantity: 3", "quantity: 4"));

    CliRunner.Result r = run("apply", "--format", "json", "--auto-approve");

    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode doc = document(r);
    assertThat(doc.get("plan").isNull()).isTrue();
    assertThat(doc.get("apps").size()).isZero();
    assertThat(doc.at("/summary/result").asString()).isEqualTo("refused");
    assertThat(doc.at("/diagnostics/0/code").asString()).isEqualTo("FM101");
    assertThat(doc.get("exit_code").asInt()).isEqualTo(1);
  }
}
