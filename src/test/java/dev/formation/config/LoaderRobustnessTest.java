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

  @Test
  void manyApps_loadInMilliseconds_becauseNothingCostlyHappensPerApp() {
    StringBuilder text = new StringBuilder("version: 1\napps:\n");
    for (int i = 0; i < 300; i++) {
      text.append("  app-")
          .append(i)
          .append(":\n    processes:\n")
          .append("      web: {size: performance-m, autoscale: {min: 2, max: 8}}\n")
          .append("      worker: {size: standard-2x, quantity: 3}\n");
    }
    ConfigLoader loader = new ConfigLoader(Catalog.standard(), Path.of("").toAbsolutePath());
    List<SourceText> texts = List.of(new SourceText("f.yaml", text.toString(), null));
    loader.loadTexts(texts); // class loading and schema compilation, once per run

    long start = System.nanoTime();
    LoadResult result = loader.loadTexts(texts);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.formationOrNull().apps()).hasSize(300);
    // 40 to 80 ms measured on a busy 2-core box; the bound leaves room for a slower CI machine.
    assertThat(millis).isLessThan(1500);
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
