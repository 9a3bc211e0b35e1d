package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions: compares output with {@code src/test/resources/golden/<path>}. Run the
 * tests with {@code -Dformation.golden.update=true} to rewrite the files, then review the diff.
 */
public final class Golden {
  /** The system property that turns comparisons into rewrites. */
  public static final String UPDATE_PROPERTY = "formation.golden.update";

  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** Asserts that {@code actual} equals the golden file at {@code relativePath}. */
  public static void assertMatches(String relativePath, String actual) {
    Path file = ROOT.resolve(relativePath);
    String normalised = actual.replace("\r\n", "\n");
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, normalised, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -D%s=true to create it", file, UPDATE_PROPERTY)
          .exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      assertThat(normalised)
          .as("output differs from %s; run with -D%s=true to update it", file, UPDATE_PROPERTY)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
