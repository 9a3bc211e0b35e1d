package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.Code;
import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code docs/diagnostics/}: one page per code, and each page's example and message are true. */
class DiagnosticDocsTest {
  private static final Path DOCS = Path.of("docs", "diagnostics");
  private static final Pattern YAML_EXAMPLE = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
  private static final Pattern MESSAGE =
      Pattern.compile("## Message\n\n```text\n(.*?)\n```", Pattern.DOTALL);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Code.class)
  void everyCode_hasAPageWhoseExampleGivesItsMessage(Code code) throws IOException {
    Path page = DOCS.resolve(code.name() + ".md");
    assertThat(page).exists();
    String text = Files.readString(page);
    assertThat(text).startsWith("# " + code.name() + " " + code.slug() + "\n");
    assertThat(text).contains("## What it means", "## Example", "## Message", "## How to fix it");

    Matcher example = YAML_EXAMPLE.matcher(text);
    if (!example.find()) {
      return; // the example needs several files or a missing one; shown as text
    }
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Procfile"), "web: ./web\n");
    Files.writeString(dir.resolve("formation.yaml"), example.group(1));
    String out = CliRunner.in(dir).exec("validate").out();
    String mine =
        Arrays.stream(out.split("\n\n"))
            .filter(block -> block.contains("[" + code.name() + "]"))
            .collect(Collectors.joining("\n\n"));
    Matcher message = MESSAGE.matcher(text);
    assertThat(message.find()).isTrue();
    assertThat(mine).as("validate output:\n%s", out).isEqualTo(message.group(1));
  }

  @Test
  void readme_indexesEveryCode() throws IOException {
    String readme = Files.readString(DOCS.resolve("README.md"));
    for (Code code : Code.values()) {
      assertThat(readme).contains("[" + code.name() + "](" + code.name() + ".md)");
    }
  }
}
