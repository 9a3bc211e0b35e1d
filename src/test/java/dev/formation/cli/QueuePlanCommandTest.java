package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
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
import tools.jackson.databind.ObjectMapper;

/**
 * Queue rules on Heroku, end to end against the fake API: the count inside a band is the
 * controller's, a count outside it is brought in, Heroku's own autoscaler is never given a queue
 * rule and is turned off for a web that autoscales on a queue.
 */
class QueuePlanCommandTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop:
          processes:
            web:
              size: performance-m
              autoscale:
                min: 2
                max: 8
                queue: {redis: {url_env: REDIS_URL, list: queue:web}, per_dyno: 100}
            worker:
              size: performance-m
              autoscale:
                min: 1
                max: 10
                queue:
                  redis: {url_env: REDIS_URL, list: [queue:default, queue:mailers]}
                  per_dyno: 50
            jobs:
              size: performance-m
              autoscale:
                min: 2
                max: 6
                queue:
                  postgres:
                    url_env: DATABASE_URL
                    query: SELECT count(*) FROM good_jobs WHERE finished_at IS NULL
                  per_dyno: 25
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private FakeApp shop;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    shop =
        heroku
            .addApp("shop", "cedar")
            .process("web", "performance-m", 3)
            .process("worker", "performance-m", 0)
            .process("jobs", "performance-m", 4);
    shop.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, false);
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
  void plan_showsTheRules_andTheRanges_inTextAndMarkdown() {
    CliRunner.Result text = run("plan");
    CliRunner.Result markdown = run("plan", "--format", "markdown");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    Golden.assertMatches("plan/queue.txt", text.out());
    // the fake names its monitor by a random id, which the live fingerprint covers
    Golden.assertMatches(
        "plan/queue.md",
        markdown.out().replaceAll("live fingerprint: `[0-9a-f]+`", "live fingerprint: `…`"));
  }

  @Test
  void plan_json_carriesTheRule_andNoMonitorIsEnabled() throws IOException {
    CliRunner.Result json = run("plan", "--format", "json");

    assertThat(json.exitCode()).as(json.toString()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(mapper.readTree(Files.readString(Path.of("schemas/plan.schema.json"))));
    assertThat(schema.validate(mapper.readTree(json.out()))).isEmpty();
    assertThat(json.out())
        .contains(
            "\"queue\" : \"queue redis queue:default+queue:mailers (50/dyno), down after 5m,"
                + " every 30s\"")
        .contains("\"operation\" : \"disable\"")
        .doesNotContain("\"operation\" : \"enable\"")
        .doesNotContain("\"operation\" : \"update\"");
  }

  @Test
  void apply_bringsCountsIntoTheBand_neverWritesAMonitor_andTurnsWebsOff() {
    CliRunner.Result apply = run("apply", "--auto-approve");

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(shop.quantity("worker")).isEqualTo(1);
    assertThat(shop.quantity("jobs")).isEqualTo(4);
    assertThat(shop.quantity("web")).isEqualTo(3);
    assertThat(shop.monitors()).singleElement().satisfies(m -> assertThat(m.active).isFalse());
    assertThat(heroku.requests("POST", ".*/formation/web/monitors")).isEmpty();

    // the controller moves the counts inside their bands: neither a change nor unexpected drift
    shop.setQuantityAsTheAutoscaler("worker", 7);
    shop.setQuantityAsTheAutoscaler("jobs", 2);
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
    assertThat(run("drift").exitCode()).isZero();

    shop.setQuantityAsTheAutoscaler("jobs", 9);
    CliRunner.Result drift = run("drift");
    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out()).contains("`jobs` runs 9, outside its autoscale band 2..6");
  }
}
