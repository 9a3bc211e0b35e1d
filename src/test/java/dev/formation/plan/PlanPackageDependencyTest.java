package dev.formation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlanPackageDependencyTest {
  private static final List<String> ALLOWED =
      List.of(
          "java.",
          "dev.formation.plan.",
          "dev.formation.live.",
          "dev.formation.config.",
          "dev.formation.catalog.",
          "dev.formation.diag.");

  @Test
  void planPackage_importsOnlyConfigCatalogDiagAndTheJdk() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/formation/plan"))) {
      List<String> offending =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(PlanPackageDependencyTest::imports)
              .filter(i -> ALLOWED.stream().noneMatch(i::startsWith))
              .toList();

      assertThat(offending).isEmpty();
    }
  }

  private static Stream<String> imports(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith("import "))
          .map(l -> l.replace("import static ", "").replace("import ", ""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
