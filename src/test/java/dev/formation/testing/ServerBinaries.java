package dev.formation.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finding a server program a test starts itself (redis-server, PostgreSQL's initdb). Where it is
 * missing the test is skipped with one line saying what to install, except on CI ({@code CI} set),
 * whose {@code .ci/run} installs it: there a missing server fails the test.
 */
final class ServerBinaries {
  private ServerBinaries() {}

  /** A program on the PATH. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Skips the test (or, on CI, fails it) when {@code found} is empty. */
  static Path require(Optional<Path> found, String what) {
    if (found.isPresent()) {
      return found.get();
    }
    String reason = what + " is not installed (apt-get install " + what + "); .ci/run installs it";
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(reason);
    }
    Assumptions.abort(reason);
    throw new AssertionError("unreachable");
  }

  /** Whether this JVM runs as root, where PostgreSQL refuses to run. */
  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Removes a server's folder, as far as it can (a server that died may leave files behind). */
  static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (java.io.IOException ignored) {
                  // left for the system's temp cleaning
                }
              });
    } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
      // nothing to remove
    }
  }
}
