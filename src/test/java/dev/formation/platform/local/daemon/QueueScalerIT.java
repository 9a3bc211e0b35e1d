package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LocalQueue;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.testing.JsonSchemas;
import dev.formation.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The local platform runs a registration's queue rule: with a real redis-server and the example's
 * worker (examples/queue/app, which consumes the list with redis-cli), a backlog of 500 jobs takes
 * the workers up to the band's max, and once the workers have drained it they come back down to min
 * after {@code scale_down_after}.
 */
class QueueScalerIT {
  private static final Path EXAMPLE = Path.of("examples", "queue", "app").toAbsolutePath();

  @TempDir Path home;

  @Test
  void aBacklog_takesWorkersUp_andTheyComeBackDownOnceItDrained() throws Exception {
    try (RedisServer redis = RedisServer.start();
        LocalHarness h = new LocalHarness(home)) {
      Path dir = Files.createDirectories(home.resolve("queue-app"));
      for (String f : List.of("Procfile", "worker.sh")) {
        Files.copy(EXAMPLE.resolve(f), dir.resolve(f));
      }
      Files.writeString(dir.resolve(".env"), "REDIS_URL=" + redis.url() + "\nWORK_SECONDS=0.01\n");
      LocalQueue rule =
          new LocalQueue(
              "worker",
              1,
              5,
              new QueueRule(
                  new QueueSource.Redis("REDIS_URL", null, List.of("queue:default")),
                  100,
                  Duration.ofSeconds(3),
                  Duration.ofSeconds(1)));
      DaemonInfo daemon = DaemonInfo.read(h.settings.daemonFile()).orElseThrow();
      try (LocalClient client = new LocalClient(h.settings.tokenFile())) {
        client.register(daemon, "queue-demo", dir, 0, List.of(rule));
        assertThat(client.registered(daemon, "queue-demo").orElseThrow().queues())
            .containsExactly(rule);
      }

      LocalHarness.await(
          "the worker to come up to min", Duration.ofSeconds(10), () -> count(h) == 1);
      redis.push("queue:default", 500);
      LocalHarness.await("five workers for 500 jobs", Duration.ofSeconds(10), () -> count(h) == 5);
      LocalHarness.await(
          "the workers to drain the list",
          Duration.ofSeconds(30),
          () -> redis.length("queue:default") == 0);
      LocalHarness.await("the workers back down to 1", Duration.ofSeconds(15), () -> count(h) == 1);

      JsonNode status = h.json("GET", "/local/status", null);
      JsonNode queue = status.get("apps").get(0).get("queues").get(0);
      assertThat(queue.get("type").asString()).isEqualTo("worker");
      assertThat(queue.get("source").asString()).isEqualTo("redis REDIS_URL queue:default");
      assertThat(queue.get("desired").asInt()).isEqualTo(1);
      assertThat(queue.get("last_decision").get("action").asString()).isIn("scale", "hold");
      String doc =
          ((tools.jackson.databind.node.ObjectNode) status.deepCopy())
              .put("kind", "formation-local-status")
              .put("format_version", 1)
              .put("running", true)
              .toString();
      assertThat(JsonSchemas.errors("local-status.schema.json", doc)).isEmpty();
      assertThat(h.log("queue-demo"))
          .containsPattern(
              "heroku\\[autoscaler\\].*scale worker 1 -> 5: backlog \\d+ needs 5 at 100")
          .containsPattern(
              "scale worker \\d -> 1: backlog \\d+ needs 1 at 100 per dyno; the last 3s");
    }
  }

  private static int count(LocalHarness h) {
    return h.daemon.app("queue-demo").process("worker").orElseThrow().quantity();
  }
}
