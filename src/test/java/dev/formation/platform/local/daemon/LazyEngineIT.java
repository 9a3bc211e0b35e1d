package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up stays fast: the packaged jar loads the HTTP engine (Netty) only in the daemon. */
class LazyEngineIT {
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir Path dir;

  private long nettyClassesLoaded(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-verbose:class",
                "-jar",
                BUILT_JAR.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("classes.log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(log.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("FORMATION_HOME", dir.resolve("home").toString());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("io.netty."))
        .count();
  }

  @Test
  void validateSizesAndLocalStatus_loadNoNettyClass_whileTheDaemonDoes() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop-staging:
            processes:
              web: {size: standard-1x, quantity: 1}
        """);

    assertThat(nettyClassesLoaded("validate")).isZero();
    assertThat(nettyClassesLoaded("sizes")).isZero();
    assertThat(nettyClassesLoaded("local", "status")).isZero();
    // the daemon does load it: it gets as far as binding its API port, here a taken one
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(
              nettyClassesLoaded("local", "serve", "--port", String.valueOf(taken.getLocalPort())))
          .isPositive();
    }
  }
}
