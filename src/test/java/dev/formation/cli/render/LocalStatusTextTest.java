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
