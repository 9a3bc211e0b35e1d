package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mangles a valid file in many seeded ways: whatever comes in, loading ends in a formation or in
 * errors with a place, never in an exception.
 */
class LoaderRobustnessTest {
  private static final String ALPHABET = " \t\n:-[]{}&*!|>'\"#,%@`?<=~0123456789abcxyzé\u0000";

  @Test
  void mangledFiles_neverThrow_andFailOnlyWithDiagnostics() throws IOException {
    String original;
    try (InputStream in = getClass().getResourceAsStream("/diagnostics/ok-everything.yaml")) {
      original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path base = Path.of("").toAbsolutePath();
    ConfigLoader loader = new ConfigLoader(Catalog.standard(), base);
    Random random = new Random(20261128);
    for (int round = 0; round < 1500; round++) {
      String text = mangle(original, random);
      LoadResult result = loader.loadTexts(List.of(new SourceText("f.yaml", text, null)));

      assertThat(result.ok())
          .as("round %d:\n%s", round, text)
          .isEqualTo(!result.diagnostics().hasErrors());
      result.diagnostics().sorted().forEach(d -> assertThat(d.range()).isNotNull());
    }
  }

  private static String mangle(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        default -> b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return b.toString();
  }
}
