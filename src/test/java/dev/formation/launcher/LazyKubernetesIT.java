package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.ClassLoads;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up stays fast: the packaged jar loads fabric8 only when a Kubernetes app is in play; a
 * validate (even of a Kubernetes app) and a plan of Heroku apps load none of its classes.
 */
class LazyKubernetesIT {
  private static final String FABRIC8 = "io.fabric8.";

  @TempDir Path dir;

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
    // no Heroku token and no kubeconfig: the reads fail fast, offline
    ClassLoads runs =
        ClassLoads.in(dir)
            .unset("HEROKU_API_KEY")
            .env("HOME", dir.toString())
            .env("KUBECONFIG", dir.resolve("no-such-kubeconfig").toString());

    assertThat(runs.count(FABRIC8, "validate", "-f", "cluster.yaml")).isZero();
    assertThat(runs.count(FABRIC8, "plan", "-f", "heroku.yaml")).isZero();
    assertThat(runs.count(FABRIC8, "plan", "-f", "cluster.yaml")).isPositive();
  }
}
