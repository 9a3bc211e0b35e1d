package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.ClassLoads;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up stays fast: the packaged jar loads the HTTP engine (Netty) only in the daemon. */
class LazyEngineIT {
  private static final String NETTY = "io.netty.";

  @TempDir Path dir;

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
    ClassLoads runs = ClassLoads.in(dir);

    assertThat(runs.count(NETTY, "validate")).isZero();
    assertThat(runs.count(NETTY, "sizes")).isZero();
    assertThat(runs.count(NETTY, "local", "status")).isZero();
    // the daemon does load it: it gets as far as binding its API port, here a taken one
    try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(
              runs.count(NETTY, "local", "serve", "--port", String.valueOf(taken.getLocalPort())))
          .isPositive();
    }
  }
}
