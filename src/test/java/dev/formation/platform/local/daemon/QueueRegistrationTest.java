package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LocalQueue;
import dev.formation.platform.local.daemon.api.FormationRules;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A registration's queue rules at the daemon's API: checked, stored, answered, kept over restarts.
 */
class QueueRegistrationTest {
  private static final String RULE =
      "{\"type\":\"worker\",\"min\":1,\"max\":5,\"per_dyno\":100,\"scale_down_after_s\":30,"
          + "\"interval_s\":5,\"url_env\":\"REDIS_URL\",\"redis_lists\":[\"queue:default\"]}";

  @TempDir Path home;
  private LocalHarness h;
  private Path dir;

  @BeforeEach
  void start() throws Exception {
    h = new LocalHarness(home);
    dir = Files.createDirectories(home.resolve("src"));
    Files.writeString(dir.resolve("Procfile"), "worker: sleep 600\n");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void queueRules_areStored_answered_andKeptOverARestart() throws Exception {
    register("[" + RULE + "]");
    JsonNode queues = h.json("GET", "/apps/queue-app", null).get("local").get("queues");
    assertThat(queues.toString()).isEqualTo("[" + RULE + "]");

    h.restart();

    assertThat(h.daemon.app("queue-app").queues())
        .extracting(QueueRecord::type, QueueRecord::perDyno, QueueRecord::lists)
        .containsExactly(tuple("worker", 100, List.of("queue:default")));
    // a client of its own: the harness's may hold a connection to the daemon before the restart
    DaemonInfo info = DaemonInfo.read(h.settings.daemonFile()).orElseThrow();
    try (LocalClient client = new LocalClient(h.settings.tokenFile())) {
      assertThat(client.registered(info, "queue-app").orElseThrow().queues())
          .extracting(LocalQueue::type, LocalQueue::max)
          .containsExactly(tuple("worker", 5));
    }
  }

  @Test
  void aRegistrationWithoutQueues_dropsTheOnesItHad() throws Exception {
    register("[" + RULE + "]");
    register("[]");
    assertThat(h.json("GET", "/apps/queue-app", null).get("local").get("queues").isEmpty())
        .isTrue();
  }

  @Test
  void aRuleForATypeTheProcfileLacks_orABrokenRule_is422() throws Exception {
    String other = RULE.replace("\"worker\"", "\"mailer\"");
    assertThat(put("[" + other + "]").statusCode()).isEqualTo(422);
    assertThat(put("[" + other + "]").body()).contains("the Procfile does not declare");
    String none = RULE.replace("\"per_dyno\":100", "\"per_dyno\":0");
    assertThat(put("[" + none + "]").body())
        .contains("invalid queue rule: per_dyno must be at least 1");
    String both = RULE.replace("}", ",\"postgres_query\":\"SELECT 1\"}");
    assertThat(put("[" + both + "]").statusCode()).isEqualTo(422);
  }

  @Test
  void aQueueThatDoesNotAnswer_keepsTheCount_andSaysWhy_withoutThePassword() throws Exception {
    Files.writeString(
        dir.resolve(".env"),
        "REDIS_URL=redis://:pw-Secret-7@127.0.0.1:" + dev.formation.testing.Ports.free() + "/0\n");
    register("[" + RULE.replace("\"interval_s\":5", "\"interval_s\":1") + "]");
    h.daemon.updateFormation(
        "queue-app",
        java.util.List.of(
            new dev.formation.platform.local.daemon.api.FormationRules.Update(
                "worker", 2L, false, null)));

    LocalHarness.await(
        "a decision at 2 workers",
        java.time.Duration.ofSeconds(10),
        () -> {
          QueueScaler.Event last = h.daemon.queueScaler().last("queue-app").get("worker");
          return last != null && last.from() == 2;
        });

    QueueScaler.Event e = h.daemon.queueScaler().last("queue-app").get("worker");
    assertThat(e.action()).isEqualTo("error");
    assertThat(e.backlog()).isNull();
    assertThat(e.from()).isEqualTo(2);
    assertThat(e.to()).isEqualTo(2);
    assertThat(e.reason()).contains("redis://:****@127.0.0.1:").doesNotContain("pw-Secret-7");
    assertThat(h.daemon.app("queue-app").process("worker").orElseThrow().quantity()).isEqualTo(2);
    JsonNode queue = h.json("GET", "/local/status", null).get("apps").get(0).get("queues").get(0);
    assertThat(queue.get("backlog").isNull()).isTrue();
    assertThat(queue.get("last_decision").get("action").asString()).isEqualTo("error");
    assertThat(h.log("queue-app")).contains("heroku[autoscaler]").doesNotContain("pw-Secret-7");
  }

  @Test
  void aCountSetWhileTheBacklogWasRead_isTheOneDecidedFrom() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      Files.writeString(dir.resolve(".env"), "REDIS_URL=" + redis.url() + "\n");
      register(
          "["
              + RULE.replace("\"interval_s\":5", "\"interval_s\":3600")
                  .replace("\"scale_down_after_s\":30", "\"scale_down_after_s\":3600")
              + "]");
      LocalHarness.await(
          "the first decision",
          java.time.Duration.ofSeconds(10),
          () -> h.daemon.queueScaler().last("queue-app").get("worker") != null);
      AppRecord looked = h.daemon.app("queue-app"); // worker 1, the band's min
      // then 300 jobs, and an apply sets 3 while this round reads the backlog
      redis.push("queue:default", 300);
      h.daemon.updateFormation(
          "queue-app", List.of(new FormationRules.Update("worker", 3L, false, null)));

      h.daemon.queueScaler().tick(looked, Instant.now().plus(java.time.Duration.ofHours(2)));

      QueueScaler.Event e = h.daemon.queueScaler().last("queue-app").get("worker");
      assertThat(e.backlog()).isEqualTo(300);
      assertThat(e.action()).isEqualTo("hold");
      assertThat(e.from()).isEqualTo(3);
      assertThat(h.log("queue-app")).doesNotContain("scale worker 1 -> 3");

      // and the other way: the round looked at 3, someone set 1 during the read; the backlog
      // still needs 3, so the decision from the count as it is writes 3 (from the older count it
      // would hold and leave 1)
      AppRecord looked3 = h.daemon.app("queue-app");
      h.daemon.updateFormation(
          "queue-app", List.of(new FormationRules.Update("worker", 1L, false, null)));

      h.daemon.queueScaler().tick(looked3, Instant.now().plus(java.time.Duration.ofHours(4)));

      QueueScaler.Event up = h.daemon.queueScaler().last("queue-app").get("worker");
      assertThat(up.action()).isEqualTo("scale");
      assertThat(up.from()).isEqualTo(1);
      assertThat(up.to()).isEqualTo(3);
      assertThat(h.daemon.app("queue-app").process("worker").orElseThrow().quantity()).isEqualTo(3);
    }
  }

  private void register(String queues) throws Exception {
    assertThat(put(queues).statusCode()).isEqualTo(200);
  }

  private java.net.http.HttpResponse<String> put(String queues) throws Exception {
    return h.send(
        "PUT",
        "/apps/queue-app",
        "{\"dir\":\"" + dir.toAbsolutePath() + "\",\"port\":0,\"queues\":" + queues + "}");
  }
}
