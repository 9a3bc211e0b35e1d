package dev.formation.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {
  @TempDir Path dir;

  @Test
  void aPlanOfASmallConfig_getsTheSchemaAndTheReadWarmUp() throws Exception {
    Path small = Files.writeString(dir.resolve("formation.yaml"), "version: 1\napps: {}\n");

    assertThat(names("plan", "-f", small.toString()))
        .containsExactly("formation-schema-load", "formation-read-warm-up");
  }

  @Test
  void anOfflinePlan_opensNoSocket_soGetsNoReadWarmUp() throws Exception {
    Path small = Files.writeString(dir.resolve("formation.yaml"), "version: 1\napps: {}\n");

    assertThat(names("plan", "--offline", "-f", small.toString()))
        .containsExactly("formation-schema-load");
  }

  @Test
  void aValidateOfALargeConfig_getsTheConfigWarmUpAndNoRead() throws Exception {
    Path large =
        Files.writeString(dir.resolve("large.yaml"), "#".repeat((int) ConfigWarmUp.MIN_BYTES));

    assertThat(names("validate", "-f", large.toString()))
        .containsExactly("formation-schema-load", "formation-config-warm-up");
  }

  @Test
  void commandsThatNeitherLoadNorRead_getNothing() {
    assertThat(names("sizes")).isEmpty();
    assertThat(names("--version")).isEmpty();
    assertThat(names()).isEmpty();
    assertThat(names("import", "shop")).containsExactly("formation-read-warm-up");
  }

  private static java.util.List<String> names(String... args) {
    return Startup.chosen(args).stream().map(Startup.HeadStart::name).toList();
  }
}
