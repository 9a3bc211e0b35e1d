package dev.formation.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.ConfigLoader;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWarmUpTest {
  @TempDir Path dir;

  @Test
  void text_isAValidConfig_soTheWarmUpRunsTheSameCodeAsARealLoad() {
    LoadResult r =
        ConfigLoader.standard()
            .loadTexts(List.of(new SourceText("warm-up.yaml", ConfigWarmUp.text(), null)));

    assertThat(r.diagnostics().sorted()).isEmpty();
    assertThat(r.formationOrNull().apps()).hasSize(ConfigWarmUp.APPS);
  }

  @Test
  void bytesNamedIn_addsUpTheYamlFilesAndFoldersTheArgumentsName() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "x".repeat(100));
    Path folder = Files.createDirectory(dir.resolve("configs"));
    Files.writeString(folder.resolve("b.yml"), "x".repeat(20));
    Files.writeString(folder.resolve("notes.txt"), "x".repeat(1000));

    assertThat(
            ConfigWarmUp.bytesNamedIn(
                new String[] {
                  "plan", "-f", dir.resolve("a.yaml").toString(), "--file=" + folder, "--app", "web"
                }))
        .isEqualTo(120);
    assertThat(ConfigWarmUp.bytesNamedIn(new String[] {"plan", "-f", dir + "/missing.yaml"}))
        .isEqualTo(ConfigWarmUp.bytesNamedIn(new String[] {"plan"}));
  }
}
