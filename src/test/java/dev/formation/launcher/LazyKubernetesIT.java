package dev.formation.launcher;

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
 * Start-up stays fast: the packaged jar loads fabric8 only when a Kubernetes app is in play; a
 * validate (even of a Kubernetes app) and a plan of Heroku apps load none of its classes.
 */
class LazyKubernetesIT {
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir Path dir;

  private long fabric8ClassesLoaded(String... args) throws IOException, InterruptedException {
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
    // no Heroku token and no kubeconfig: the reads fail fast, offline
    pb.environment().remove("HEROKU_API_KEY");
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("KUBECONFIG", dir.resolve("no-such-kubeconfig").toString());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("io.fabric8."))
        .count();
  }

  @Test
  void validateAndAHerokuPlan_loadNoFabric8Class_whileAKubernetesPlanDoes() throws Exception {
    Files.writeString(
        dir.resolve("heroku.yaml"),
        """
        version: 1
        apps:
          shop-staging:
            processes:
              web: {size: standard-1x, quantity: 1}
        """);
    Files.writeString(
        dir.resolve("cluster.yaml"),
        """
        version: 1
        apps:
          shop:
            platform: kubernetes
            kubernetes: {namespace: shop}
            processes:
              web: {size: standard-1x, quantity: 1}
        """);

    assertThat(fabric8ClassesLoaded("validate", "-f", "cluster.yaml")).isZero();
    assertThat(fabric8ClassesLoaded("plan", "-f", "heroku.yaml")).isZero();
    assertThat(fabric8ClassesLoaded("plan", "-f", "cluster.yaml")).isPositive();
  }
}
