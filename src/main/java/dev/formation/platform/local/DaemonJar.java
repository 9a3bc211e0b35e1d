package dev.formation.platform.local;

import dev.formation.platform.local.state.StateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The daemon's classpath. Run from formation's jar, the daemon gets a copy of it under the state
 * folder ({@code lib/}): a daemon outlives the command that started it, and {@code bin/formation}
 * rebuilds {@code target/formation.jar} when the sources change, which would pull classes the
 * daemon has not loaded yet (its shutdown among them) from under it. Copies of older jars are
 * removed.
 */
final class DaemonJar {
  private DaemonJar() {}

  /**
   * @param entries this process's classpath, absolute
   * @param stateDir the state folder, whose {@code lib/} holds the copy
   */
  static List<Path> classpath(List<Path> entries, Path stateDir) throws IOException {
    if (entries.size() != 1 || !entries.get(0).toString().endsWith(".jar")) {
      return entries; // a development classpath of folders (tests): used as it is
    }
    Path jar = entries.get(0);
    Path lib = stateDir.resolve("lib");
    StateFiles.ensureDir(lib);
    String name =
        "formation-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + ".jar";
    Path copy = lib.resolve(name);
    if (!Files.exists(copy)) {
      Path tmp = Files.createTempFile(lib, ".formation-", ".jar.tmp");
      try {
        // into the 0600 file createTempFile made: Files.copy(jar, tmp, REPLACE_EXISTING) would
        // make a new one with the umask's mode
        try (var out = Files.newOutputStream(tmp)) {
          Files.copy(jar, out);
        }
        Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    try (Stream<Path> old = Files.list(lib)) {
      for (Path f : old.toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith("formation-") && n.endsWith(".jar") && !n.equals(name)) {
          // a daemon still running from it keeps its open file; the name goes
          Files.deleteIfExists(f);
        }
      }
    }
    return List.of(copy);
  }
}
