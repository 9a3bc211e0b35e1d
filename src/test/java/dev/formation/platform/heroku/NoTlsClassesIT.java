package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeHeroku;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan against a plain-http loopback API never starts the JDK's TLS implementation. */
class NoTlsClassesIT {
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir Path dir;
  private FakeHeroku heroku;

  @BeforeEach
  void start() {
    heroku = FakeHeroku.start();
    heroku.addApp("shop", "cedar").process("web", "standard-1x", 1);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  @Test
  void planOfAHerokuAppOnLoopback_loadsNoSunSecuritySslClass() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop:
            processes:
              web: {size: standard-2x, quantity: 2}
        """);
    Path log = dir.resolve("classes.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:off",
                    "-verbose:class",
                    "-jar",
                    BUILT_JAR.toString(),
                    "plan",
                    "--detailed-exitcode"))
            .directory(dir.toFile())
            .redirectOutput(log.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(heroku.env());
    pb.environment().put("FORMATION_HOME", dir.resolve("home").toString());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue())
        .as(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())))
        .isEqualTo(2);
    assertThat(lines)
        .as("the plan read the app")
        .anyMatch(l -> l.contains("jdk.internal.net.http.HttpClientImpl "));
    assertThat(lines.stream().filter(l -> l.contains("sun.security.ssl."))).isEmpty();
  }
}
