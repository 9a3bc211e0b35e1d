package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The adapter's dependency rule (see package-info): platform SPI, plan records, JDK, Jackson. */
class HerokuPackageRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/formation/platform/heroku");

  @Test
  void adapter_importsOnlyTheSpiThePlanRecordsTheCatalogueTheJdkAndJackson() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      imports =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(HerokuPackageRulesTest::lines)
              .filter(l -> l.startsWith("import "))
              .map(l -> l.replaceFirst("import (static )?", ""))
              .toList();
    }
    assertThat(imports)
        .isNotEmpty()
        .allSatisfy(
            i ->
                assertThat(i)
                    .matches(
                        "(java\\.|tools\\.jackson\\.|com\\.fasterxml\\.jackson\\.annotation\\."
                            + "|dev\\.formation\\.platform\\.(heroku\\.|[A-Z])"
                            + "|dev\\.formation\\.plan\\.|dev\\.formation\\.live\\.|dev\\.formation\\.catalog\\.).*"));
  }

  private static Stream<String> lines(Path p) {
    try {
      return Files.readAllLines(p).stream().map(String::strip);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
