package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStatusTextTest {
  @Test
  void status_running_showsDynosRouterAndLastAutoscaleDecision() throws Exception {
    String json = Files.readString(Path.of("src/test/resources/golden/local/status.json"));
    Golden.assertMatches("local/status.txt", new LocalStatusText().render(json));
  }

  @Test
  void status_aDecisionThatKeepsTheCount_saysKeep() throws Exception {
    String json =
        Files.readString(Path.of("src/test/resources/golden/local/status.json"))
            .replace("\"to\" : 2", "\"to\" : 1")
            .replace(
                "p95 612 ms above target 500 ms", "p95 612 ms above target 500 ms, cooling down");
    assertThat(new LocalStatusText().render(json))
        .contains(
            "last decision 2026-11-28T11:20:00Z: keep web at 1, p95 612 ms above target 500 ms,"
                + " cooling down\n");
  }

  @Test
  void status_queueRules_showBacklogDesiredAndLastDecision() throws Exception {
    String queues =
        "\"queues\": [{\"type\":\"worker\",\"min\":1,\"max\":5,\"per_dyno\":100,"
            + "\"scale_down_after_s\":30,\"interval_s\":5,"
            + "\"source\":\"redis REDIS_URL queue:default\",\"backlog\":480,\"desired\":5,"
            + "\"last_decision\":{\"at\":\"2026-11-28T11:20:05Z\",\"backlog\":480,\"from\":1,"
            + "\"to\":5,\"action\":\"scale\",\"reason\":\"backlog 480 needs 5 at 100 per dyno\"}},"
            + "{\"type\":\"mailer\",\"min\":1,\"max\":2,\"per_dyno\":10,"
            + "\"scale_down_after_s\":0,\"interval_s\":5,\"source\":\"postgres DATABASE_URL\","
            + "\"backlog\":null,\"desired\":null,\"last_decision\":null}],";
    String json =
        Files.readString(Path.of("src/test/resources/golden/local/status.json"))
            .replaceFirst("\"autoscale\"", queues + "\"autoscale\"");
    assertThat(new LocalStatusText().render(json))
        .contains(
            "  autoscale worker 1..5 on redis REDIS_URL queue:default, 100 per dyno: backlog 480,"
                + " desired 5\n"
                + "    last decision 2026-11-28T11:20:05Z: scale worker 1 -> 5, backlog 480 needs 5"
                + " at 100 per dyno\n",
            "  autoscale mailer 1..2 on postgres DATABASE_URL, 10 per dyno: backlog unknown,"
                + " desired not decided yet\n");
  }

  @Test
  void status_stopped_saysHowToStart() {
    String text =
        new LocalStatusText()
            .render(
                "{\"url\":null,\"token_file\":\"/t\",\"state_dir\":\"/s\",\"apps\":[],\"running\":false}");
    assertThat(text)
        .isEqualTo(
            "Local platform is not running (start it with `formation local start`).\n"
                + "State:      /s\n");
  }
}
