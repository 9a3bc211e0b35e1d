package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.JsonSchemas;
import dev.formation.testing.PostgresServer;
import dev.formation.testing.RecordedRequest;
import dev.formation.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code formation autoscale --once -f FILE} end to end, as an outside checker runs it: the rule
 * written as YAML in a file, a real Redis or PostgreSQL whose URL is in the variable {@code
 * url_env} names, and the fake Heroku API, whose recorded requests say what was written.
 */
class AutoscaleFromFileTest {
  private static final String REDIS_FILE =
      """
      version: 1
      apps:
        shop:
          processes:
            web: {size: standard-1x, quantity: 2}
            worker:
              size: standard-2x
              autoscale:
                min: 1
                max: 10
                queue:
                  redis: {url_env: REDIS_URL, list: [queue:default, queue:mailers]}
                  per_dyno: 50
                  scale_down_after: 5m
                  interval: 30s
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private FakeApp shop;

  @BeforeEach
  void start() {
    heroku = FakeHeroku.start();
    shop =
        heroku
            .addApp("shop", "cedar")
            .process("web", "standard-1x", 2)
            .process("worker", "standard-2x", 1);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  @Test
  void redisBacklogOf420_at50PerDyno_writesWorker9_inOneBatch() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      redis.push("queue:default", 400);
      redis.push("queue:mailers", 20);
      CliRunner.Result r = once(REDIS_FILE, "REDIS_URL", redis.url());

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertOneBatchSettingWorkerTo(9);
      assertThat(shop.quantity("worker")).isEqualTo(9);
      assertThat(shop.quantity("web")).isEqualTo(2);
      JsonNode line = onlyLine(r);
      assertThat(line.get("app").asString()).isEqualTo("shop");
      assertThat(line.get("type").asString()).isEqualTo("worker");
      assertThat(line.get("backlog").asInt()).isEqualTo(420);
      assertThat(line.get("current").asInt()).isEqualTo(1);
      assertThat(line.get("desired").asInt()).isEqualTo(9);
      assertThat(line.get("action").asString()).isEqualTo("scale");
    }
  }

  @Test
  void theCountAlreadyRight_writesNothing() throws Exception {
    shop.process("worker", "standard-2x", 9);
    try (RedisServer redis = RedisServer.start()) {
      redis.push("queue:default", 400);
      redis.push("queue:mailers", 20);
      CliRunner.Result r = once(REDIS_FILE, "REDIS_URL", redis.url());

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(writes()).isEmpty();
      JsonNode line = onlyLine(r);
      assertThat(line.get("action").asString()).isEqualTo("hold");
      assertThat(line.get("desired").asInt()).isEqualTo(9);
    }
  }

  @Test
  void redisStopped_writesNothing_exits1_andKeepsTheCount() throws Exception {
    String url;
    try (RedisServer redis = RedisServer.start()) {
      redis.push("queue:default", 400);
      url = redis.url();
    }
    CliRunner.Result r = once(REDIS_FILE, "REDIS_URL", url);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(writes()).isEmpty();
    assertThat(shop.quantity("worker")).isEqualTo(1);
    JsonNode line = onlyLine(r);
    assertThat(line.get("action").asString()).isEqualTo("error");
    assertThat(line.get("backlog").isNull()).isTrue();
    assertThat(r.err()).contains("error[FM201]");
  }

  @Test
  void postgresQuery_writesTheCountItGives_andNeverShowsThePassword() throws Exception {
    String file =
        """
        version: 1
        apps:
          shop:
            processes:
              worker:
                size: standard-2x
                autoscale:
                  min: 1
                  max: 10
                  queue:
                    postgres:
                      url_env: DATABASE_URL
                      query: "SELECT count(*) FROM good_jobs WHERE finished_at IS NULL"
                    per_dyno: 50
        """;
    try (PostgresServer pg = PostgresServer.start()) {
      pg.execute(
          "CREATE TABLE good_jobs (id serial PRIMARY KEY, finished_at timestamptz)",
          "INSERT INTO good_jobs (finished_at) SELECT NULL FROM generate_series(1, 420)",
          "INSERT INTO good_jobs (finished_at) SELECT now() FROM generate_series(1, 100)");
      CliRunner.Result r = once(file, "DATABASE_URL", pg.url());

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertOneBatchSettingWorkerTo(9);
      JsonNode line = onlyLine(r);
      assertThat(line.get("backlog").asInt()).isEqualTo(420);
      assertThat(line.get("desired").asInt()).isEqualTo(9);
      assertThat(r.out() + r.err()).doesNotContain(PostgresServer.PASSWORD);
    }
  }

  private CliRunner.Result once(String yaml, String var, String url) throws Exception {
    Path file = Files.writeString(dir.resolve("queues.yaml"), yaml);
    Map<String, String> env = new HashMap<>(heroku.env());
    env.put(var, url);
    return CliRunner.in(dir, env, Environment.Terminal.NONE)
        .exec("autoscale", "--once", "-f", file.toString());
  }

  /** The platform saw one write: a formation batch of {@code worker} alone, at {@code quantity}. */
  private void assertOneBatchSettingWorkerTo(int quantity) throws Exception {
    List<RecordedRequest> writes = writes();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).is("PATCH", "/apps/shop/formation")).as(writes.toString()).isTrue();
    JsonNode updates = JSON.readTree(writes.get(0).body()).get("updates");
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).get("type").asString()).isEqualTo("worker");
    assertThat(updates.get(0).get("quantity").asInt()).isEqualTo(quantity);
  }

  private List<RecordedRequest> writes() {
    return heroku.requests().stream().filter(q -> !q.method().equals("GET")).toList();
  }

  /** The one line of stdout, which must match the published schema. */
  private static JsonNode onlyLine(CliRunner.Result r) {
    List<String> lines = r.out().lines().toList();
    assertThat(lines).as(r.toString()).hasSize(1);
    assertThat(JsonSchemas.errors("autoscale.schema.json", lines.get(0))).isEmpty();
    return JSON.readTree(lines.get(0));
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
}
