package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A deploy that races an apply's scale: the apply reports that app as changed since plan. */
@Timeout(120)
class KubeScaleCliTest {
  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop:
            platform: kubernetes
            kubernetes: {namespace: shop}
            processes:
              worker: {size: standard-1x, quantity: 3}
        """);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private CliRunner.Result run(String... args) {
    Map<String, String> env = new HashMap<>(cluster.env());
    env.put("HOME", dir.toString());
    return CliRunner.in(dir, env, Environment.Terminal.NONE).exec(args);
  }

  @Test
  void aDeploymentChangedJustBeforeTheScale_isReportedChangedSincePlan_andNotScaled() {
    cluster.dispatcher.raceNextScale.set(true);
    CliRunner.Result apply = run("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out() + apply.err())
        .contains("the Deployment shop-worker changed since plan")
        .contains("[FM163]")
        .doesNotContain("HTTP 409");
    assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).isEqualTo(1);
    assertThat(cluster.dispatcher.scales).isEmpty();

    CliRunner.Result again = run("apply", "--auto-approve");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).isEqualTo(3);
  }
}
