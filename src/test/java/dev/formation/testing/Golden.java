package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions: compares output with a file under {@code src/test/resources/golden/}, or
 * rewrites that file when run with {@code -Dformation.golden.update=true}.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  public static void assertMatches(String relativePath, String actual) {
    Path file = ROOT.resolve(relativePath);
    try {
      if (Boolean.getBoolean("formation.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -Dformation.golden.update=true", file)
          .exists();
      assertThat(actual)
          .as("output differs from %s (regenerate with -Dformation.golden.update=true)", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
