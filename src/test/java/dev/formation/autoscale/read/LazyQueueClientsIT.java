package dev.formation.autoscale.read;

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

/**
 * Start-up stays fast: the packaged jar loads the queue clients (Jedis, the PostgreSQL driver) only
 * when a queue rule is read, never for {@code validate}, {@code plan} or {@code local status}.
 */
class LazyQueueClientsIT {
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir Path dir;

  /** The classes a run loaded, by the prefix they start with. */
  private List<String> loaded(List<String> prefixes, String... args)
      throws IOException, InterruptedException {
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
    // a Heroku API that refuses at once: plan reads and fails without a network
    pb.environment().put("HEROKU_HOST", "http://127.0.0.1:1");
    pb.environment().put("HEROKU_API_KEY", "lazy-test-token");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> prefixes.stream().anyMatch(prefix -> l.contains(" " + prefix)))
        .toList();
  }

  @Test
  void validatePlanAndLocalStatus_loadNoQueueClient() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop-staging:
            processes:
              worker: {size: standard-2x, quantity: 2}
        """);
    List<String> clients =
        List.of("redis.clients.", "org.postgresql.", "dev.formation.autoscale.read.");

    assertThat(loaded(clients, "validate")).isEmpty();
    assertThat(loaded(clients, "plan")).isEmpty();
    assertThat(loaded(clients, "local", "status")).isEmpty();
    // the measurement sees what a run loads: plan loads the Heroku adapter
    assertThat(loaded(List.of("dev.formation.platform.heroku."), "plan")).isNotEmpty();
  }
}
