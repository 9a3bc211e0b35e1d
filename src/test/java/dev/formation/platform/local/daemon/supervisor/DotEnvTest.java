package dev.formation.platform.local.daemon.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.state.Procfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
  @TempDir Path dir;

  @Test
  void procfileAndDotEnv_areParsedLikeHerokuLocal() throws Exception {
    Files.writeString(
        dir.resolve("Procfile"),
        "# comment\nweb: bin/web --port $PORT\n\nrelease-task:   ./migrate\n");
    Files.writeString(dir.resolve(".env"), "A=1\nexport B=\"two words\"\n# C=3\n");
    assertThat(Procfile.read(dir))
        .containsExactly(
            java.util.Map.entry("web", "bin/web --port $PORT"),
            java.util.Map.entry("release-task", "./migrate"));
    assertThat(DotEnv.read(dir))
        .containsExactly(java.util.Map.entry("A", "1"), java.util.Map.entry("B", "two words"));
  }
}
