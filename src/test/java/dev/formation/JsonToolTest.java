package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README, the docs and the examples read formation's output as JSON with a JSON tool: no line
 * pipes a {@code formation} command into {@code sed}, {@code grep} or {@code awk}.
 */
class JsonToolTest {
  private static final Pattern SCRAPED =
      Pattern.compile("formation\\b[^|\\n]*\\|\\s*(sed|grep|awk|cut)\\b");

  @Test
  void noFormationOutputIsScrapedWithSedGrepOrAwk() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
    for (String folder : List.of("docs", "examples")) {
      try (Stream<Path> walk = Files.walk(Path.of(folder))) {
        // docs/ui.png, the page's screenshot, is no text
        walk.filter(Files::isRegularFile)
            .filter(f -> !f.toString().endsWith(".png"))
            .forEach(files::add);
      }
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      text.lines()
          .filter(line -> SCRAPED.matcher(line).find())
          .forEach(line -> found.add(file + ": " + line.strip()));
    }
    assertThat(found).as("read --format json with jq instead").isEmpty();
  }

  @Test
  void theReadmeSaysWhereJqComesFrom() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

    assertThat(readme)
        .contains("bin/formation local status --format json | jq -r .url")
        .contains("apt-get install jq")
        .contains("brew install jq");
  }
}
