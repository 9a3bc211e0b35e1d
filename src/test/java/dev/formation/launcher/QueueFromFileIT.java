package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.JsonSchemas;
import dev.formation.testing.Ports;
import dev.formation.testing.RecordedRequest;
import dev.formation.testing.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queue autoscaling from a formation.yaml through the packaged jar ({@code bin/formation}), as an
 * outside checker runs it, with a real redis-server: {@code autoscale --once} against the fake
 * Heroku API, and a copy of {@code examples/queue/} applied to the local platform, whose workers go
 * up to the band's max under 500 jobs and back down to min once the example's workers drained them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueueFromFileIT {
  private static final Path LAUNCHER = Path.of("bin", "formation").toAbsolutePath();
  private static final Path JAR = Path.of("target", "formation.jar").toAbsolutePath();
  private static final Path EXAMPLE = Path.of("examples", "queue").toAbsolutePath();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void autoscaleOnce_fromAFile_writesTheRulesCount_throughTheJar() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
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
                    redis: {url_env: REDIS_URL, list: [queue:default, queue:mailers]}
                    per_dyno: 50
        """);
    try (RedisServer redis = RedisServer.start();
        FakeHeroku heroku = FakeHeroku.start(4)) {
      FakeApp shop = heroku.addApp("shop", "cedar").process("worker", "standard-2x", 1);
      redis.push("queue:default", 400);
      redis.push("queue:mailers", 20);
      Map<String, String> env = new java.util.HashMap<>(heroku.env());
      env.put("REDIS_URL", redis.url());
      Run r = formation(env, "autoscale", "--once", "-f", "formation.yaml");

      assertThat(r.exit()).as(r.toString()).isZero();
      List<RecordedRequest> writes =
          heroku.requests().stream().filter(q -> !q.method().equals("GET")).toList();
      assertThat(writes).hasSize(1);
      assertThat(writes.get(0).is("PATCH", "/apps/shop/formation")).isTrue();
      assertThat(writes.get(0).body()).contains("\"type\":\"worker\"", "\"quantity\":9");
      assertThat(shop.quantity("worker")).isEqualTo(9);
      List<String> lines = r.out().lines().toList();
      assertThat(lines).as(r.toString()).hasSize(1);
      assertThat(JsonSchemas.errors("autoscale.schema.json", lines.get(0))).isEmpty();
      assertThat(lines.get(0)).contains("\"backlog\":420", "\"desired\":9", "\"action\":\"scale\"");
    }
  }

  @Test
  void theQueueExample_appliedLocally_goesUpToMax_andBackDownToMin() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      Path app = copyExample(redis);
      Map<String, String> env = Map.of();
      try {
        Run apply = formation(env, "apply", "--auto-approve", "-f", "formation.yaml");
        assertThat(apply.exit()).as(apply.toString()).isZero();

        // the registration's queue rule round-trips: nothing to change, but a new per_dyno is
        Run plan = formation(env, "plan", "--detailed-exitcode", "-f", "formation.yaml");
        assertThat(plan.exit()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
        Files.writeString(
            dir.resolve("changed.yaml"),
            Files.readString(dir.resolve("formation.yaml"))
                .replace("per_dyno: 100", "per_dyno: 50"));
        Run changed = formation(env, "plan", "--detailed-exitcode", "-f", "changed.yaml");
        assertThat(changed.exit()).as(changed.toString()).isEqualTo(2);
        assertThat(changed.out()).contains("queue rule of worker", "50 per dyno");

        awaitStatus("one worker", s -> quantity(s) == 1);
        redis.push("queue:default", 500);
        JsonNode up = awaitStatus("five workers for 500 jobs", s -> quantity(s) == 5);
        JsonNode queue = up.get("apps").get(0).get("queues").get(0);
        assertThat(queue.get("type").asString()).isEqualTo("worker");
        assertThat(queue.get("source").asString()).isEqualTo("redis REDIS_URL queue:default");
        assertThat(queue.get("backlog").asInt()).isPositive();
        assertThat(queue.get("desired").asInt()).isEqualTo(5);
        assertThat(queue.get("last_decision").get("to").asInt()).isEqualTo(5);

        JsonNode down =
            awaitStatus(
                "the workers to drain the list and come back down to 1",
                s -> quantity(s) == 1 && redis.length("queue:default") == 0);
        queue = down.get("apps").get(0).get("queues").get(0);
        assertThat(queue.get("desired").asInt()).isEqualTo(1);
        assertThat(queue.get("last_decision").get("to").asInt()).isEqualTo(1);
        assertThat(JsonSchemas.errors("local-status.schema.json", down.toString())).isEmpty();

        Run logs = formation(env, "local", "logs", "-n", "100000", "queue-demo");
        assertThat(logs.out())
            .containsPattern("scale worker 1 -> 5: backlog \\d+ needs 5 at 100")
            .containsPattern("scale worker \\d -> 1: backlog \\d+ needs 1 at 100 per dyno")
            .containsPattern("worker\\.\\d did job job-\\d+");
        assertThat(app.resolve(".env")).exists();
      } finally {
        Run stop = formation(env, "local", "stop");
        assertThat(stop.exit()).as(stop.toString()).isZero();
      }
    }
  }

  /**
   * The example in the test's folder: a free router port, a 1 s interval, 3 s before going down,
   * and the app's .env pointing REDIS_URL at the test's Redis, with shorter jobs.
   */
  private Path copyExample(RedisServer redis) throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve(EXAMPLE.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    String yaml = Files.readString(dir.resolve("formation.yaml"));
    String edited =
        yaml.replace("port: 5010", "port: " + Ports.free())
            .replace("scale_down_after: 30s", "scale_down_after: 3s")
            .replace("interval: 5s", "interval: 1s");
    assertThat(edited).as("the example's values this test shortens").doesNotContain("5010", "30s");
    Files.writeString(dir.resolve("formation.yaml"), edited);
    Path app = dir.resolve("app");
    String env = Files.readString(app.resolve(".env"));
    assertThat(env).contains("REDIS_URL=redis://127.0.0.1:6379/0");
    // the example's workers take 0.05 s a job; 0.01 s drains 500 jobs sooner on a loaded machine
    Files.writeString(
        app.resolve(".env"),
        env.replace("redis://127.0.0.1:6379/0", redis.url()) + "WORK_SECONDS=0.01\n");
    return app;
  }

  private JsonNode awaitStatus(String what, Predicate<JsonNode> done) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      Run status = formation(Map.of(), "local", "status", "--format", "json");
      assertThat(status.exit()).as(status.toString()).isZero();
      last = JSON.readTree(status.out());
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("waited 30 s for " + what + "; last status: " + last);
  }

  private static int quantity(JsonNode status) {
    for (JsonNode p : status.get("apps").get(0).get("formation")) {
      if (p.get("type").asString().equals("worker")) {
        return p.get("quantity").asInt();
      }
    }
    return -1;
  }

  /** What one run of {@code bin/formation} printed, and its exit code. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Run formation(Map<String, String> extra, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_OPTS");
    env.remove("FORMATION_LOCAL_PORT");
    env.remove("REDIS_URL");
    env.put("FORMATION_JAR", JAR.toString());
    env.put("FORMATION_CDS", "off");
    env.put("FORMATION_HOME", dir.resolve(".formation").toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("NO_COLOR", "1");
    env.putAll(extra);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("formation " + String.join(" ", args) + " did not finish");
    }
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
