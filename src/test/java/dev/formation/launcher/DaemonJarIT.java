package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local daemon runs from a copy of formation's jar, so that rebuilding (or replacing) the jar
 * it was started from cannot pull classes from under it: it still stops cleanly.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DaemonJarIT {
  private static final Path LAUNCHER = Path.of("bin", "formation").toAbsolutePath();
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void daemonStartedFromAJar_stopsCleanly_afterThatJarIsReplaced() throws Exception {
    Path jar = Files.copy(BUILT_JAR, dir.resolve("formation.jar"));
    Path home = dir.resolve("fh");

    Process start = launch(jar, home, "local", "start");
    assertThat(start.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(start.exitValue()).as(read("err.txt")).isZero();
    Path lib = home.resolve("local").resolve("lib");
    try (var copies = Files.list(lib)) {
      assertThat(copies.map(p -> p.getFileName().toString()).toList())
          .singleElement()
          .asString()
          .startsWith("formation-")
          .endsWith(".jar");
    }

    // a rebuild: the jar the daemon was started from is now something else
    Files.write(jar, new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});
    Process stop = launch(BUILT_JAR, home, "local", "stop");
    assertThat(stop.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(stop.exitValue()).as(read("out.txt") + read("err.txt")).isZero();
    assertThat(read("out.txt") + read("err.txt")).contains("Stopped");
    assertThat(read(home.resolve("local").resolve("daemon.log")))
        .doesNotContain("ClassNotFoundException")
        .doesNotContain("NoClassDefFoundError");
  }

  private Process launch(Path jar, Path home, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_OPTS");
    env.put("FORMATION_JAR", jar.toString());
    env.put("FORMATION_CDS", "off");
    env.put("FORMATION_HOME", home.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("FORMATION_LOCAL_PORT");
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    return pb.start();
  }

  private String read(String name) throws Exception {
    return read(dir.resolve(name));
  }

  private static String read(Path file) throws Exception {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
