package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.render.PlanSchema;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drift end to end against the strict fake Heroku API. */
class DriftCommandTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-production:
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 8, p95_ms: 500, notify: true}
            worker: {size: standard-2x, quantity: 3}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private FakeApp production;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    production =
        heroku
            .addApp("shop-production", "cedar")
            .process("web", "performance-m", 2)
            .process("worker", "standard-2x", 3);
    production.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, true);
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
  void drift_anAppThatCannotBeRead_isAnErrorNotDrift() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\napps:\n  gone-app:\n    processes:\n      web: {size: basic, quantity: 1}\n");

    CliRunner.Result r = run("drift");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("gone-app");
    assertThat(r.err()).contains("could not be read");
  }

  @Test
  void drift_matchingPlatform_exits0() {
    CliRunner.Result r = run("drift");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("no drift");
  }

  @Test
  void drift_workerScaledByHand_exits2NamingTheChange_andWhen() {
    production.process("worker", "standard-2x", 5);

    CliRunner.Result r = run("drift");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out())
        .contains("shop-production")
        .contains("unexpected: `worker` runs 5 instead of 3 (changed ")
        .contains(" ago)");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
  }

  @Test
  void drift_autoscalerMovingInsideItsBand_exits0_evenWithFailOnExpected() {
    production.process("web", "performance-m", 6);

    CliRunner.Result r = run("drift", "--fail-on", "expected");

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void drift_unmanagedType_isExpected_andFailsOnlyWithFailOnExpected() {
    production.process("clock", "standard-2x", 1);

    assertThat(run("drift").exitCode()).isZero();
    CliRunner.Result strict = run("drift", "--fail-on", "expected", "--format", "markdown");
    assertThat(strict.exitCode()).isEqualTo(2);
    assertThat(strict.out()).startsWith("### formation drift: 0 unexpected, 1 expected");
  }

  @Test
  void drift_json_followsTheSchema() {
    production.process("worker", "standard-1x", 1);

    CliRunner.Result r = run("drift", "--format", "json");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(PlanSchema.errors(r.out())).isEmpty();
    assertThat(r.out()).contains("\"severity\" : \"unexpected\"").contains("\"kind\" : \"size\"");
    assertThat(r.out()).containsPattern("\"checked_at\" : \"[-0-9]+T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\"");
  }

  @Test
  void drift_atRef_comparesTheCommittedConfig() throws IOException {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.commit("config");
      repo.write("formation.yaml", CONFIG.replace("quantity: 3", "quantity: 4"));

      assertThat(run("drift").exitCode()).isEqualTo(2);
      CliRunner.Result atHead = run("drift", "--ref", "HEAD");
      assertThat(atHead.exitCode()).as(atHead.toString()).isZero();
      assertThat(run("drift", "--ref", "nope").err()).contains("unknown git ref `nope`");
    }
  }

  @Test
  void drift_unknownApp_exits1() {
    assertThat(run("drift", "--app", "shop-prod").exitCode()).isEqualTo(1);
  }
}
