package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnostic cases under {@code src/test/resources/diagnostics/}: a line that must get a
 * diagnostic carries {@code # expect: FMnnn} (several codes separated by spaces), and every other
 * line must stay clean. A case is a file, or a folder loaded as one input.
 */
class DiagnosticCasesTest {
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*((?:FM\\d{3}\\s*)+)");

  static Path casesDir() throws URISyntaxException {
    return Path.of(DiagnosticCasesTest.class.getResource("/diagnostics").toURI());
  }

  static Stream<String> cases() throws Exception {
    try (Stream<Path> list = Files.list(casesDir())) {
      return list
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("FM") || n.startsWith("ok-"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void case_marksExactlyTheExpectedLines(String name) throws Exception {
    Path dir = casesDir();
    LoadResult result = new ConfigLoader(Catalog.standard(), dir).load(List.of(Path.of(name)));

    Map<String, List<String>> expected = expectations(dir, Path.of(name));
    Map<String, List<String>> actual = new TreeMap<>();
    for (Diagnostic d : result.diagnostics().sorted()) {
      assertThat(d.range()).as("diagnostic without a place: %s", d).isNotNull();
      String at = d.range().file() + ":" + d.range().line();
      actual.computeIfAbsent(at, k -> new ArrayList<>()).add(d.code().name());
    }
    actual.values().forEach(codes -> codes.sort(null));

    assertThat(actual)
        .as("diagnostics by line: %s", result.diagnostics().sorted())
        .isEqualTo(expected);
    if (name.startsWith("FM")) {
      assertThat(expected.values().stream().flatMap(List::stream))
          .as("a case named for a code expects that code")
          .contains(name.substring(0, 5));
      assertThat(result.ok()).isEqualTo(!result.diagnostics().hasErrors());
    } else {
      assertThat(result.formationOrNull()).isNotNull();
    }
  }

  @Test
  void everyCode_hasACase() throws Exception {
    List<String> names = cases().toList();
    for (Code code : Code.values()) {
      if (!code.aboutConfig()) {
        continue; // the operations' codes have tests of their own commands
      }
      assertThat(names).as("a case for %s", code).anyMatch(n -> n.startsWith(code.name()));
    }
  }

  /** Expected codes by {@code file:line}, with file named as the loader names it. */
  private static Map<String, List<String>> expectations(Path dir, Path input) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir.resolve(input))) {
      try (Stream<Path> list = Files.list(dir.resolve(input))) {
        list.map(p -> input.resolve(p.getFileName().toString())).sorted().forEach(files::add);
      }
    } else {
      files.add(input);
    }
    Map<String, List<String>> expected = new TreeMap<>();
    for (Path file : files) {
      // Latin-1 reads any bytes, so binary cases can carry their marker too.
      String text = new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.ISO_8859_1);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = EXPECT.matcher(lines[i]);
        if (m.find()) {
          List<String> codes = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
          codes.sort(null);
          expected.put(file + ":" + (i + 1), codes);
        }
      }
    }
    return expected;
  }
}
