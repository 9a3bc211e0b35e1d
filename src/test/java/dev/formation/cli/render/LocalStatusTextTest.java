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
