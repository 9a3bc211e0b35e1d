package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LocalPackageRuleTest {
  @Test
  void localPlatform_importsNoOtherAdapterNorConfigNorCli() throws Exception {
    Path src = Path.of("src/main/java/dev/formation/platform/local");
    List<String> offending;
    try (Stream<Path> files = Files.list(src)) {
      offending =
          files
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream()
                          .filter(
                              l ->
                                  l.matches(
                                      "import (static )?dev\\.formation\\."
                                          + "(platform\\.heroku|config|apply|cli)\\b.*"))
                          .map(l -> f.getFileName() + ": " + l);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void onlyTheLocalPlatform_importsTheHttpEngine() throws Exception {
    Path local = Path.of("src/main/java/dev/formation/platform/local");
    List<String> offending;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      offending =
          files
              .filter(f -> f.toString().endsWith(".java") && !f.getParent().equals(local))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).contains("io.netty.");
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
    }
    assertThat(offending).isEmpty();
  }
}
