package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected outputs kept under {@code src/test/resources/golden/} and compared
 * exactly.
 *
 * <p>To regenerate them after an intended change of output, run the tests with the switch {@code
 * -Dformation.golden.update=true}, e.g. {@code mvn -B test -Dtest=ValidateCommandTest
 * -Dformation.golden.update=true}, then review the change with {@code git diff} before committing
 * it. Without the switch a missing golden file fails the test.
 */
public final class Golden {
  /** The system property that rewrites golden files instead of comparing with them. */
  public static final String UPDATE_PROPERTY = "formation.golden.update";

  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /**
   * Asserts that {@code actual} equals the golden file {@code name} (e.g. {@code validate/x.txt}).
   */
  public static void assertMatches(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -D%s=true to create it", file, UPDATE_PROPERTY)
          .exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual).as("output differs from golden file %s", file).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
