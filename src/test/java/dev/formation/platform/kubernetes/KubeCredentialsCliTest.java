package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees of a broken credential or an unverified cluster: plan, drift, stderr. */
@Timeout(120)
class KubeCredentialsCliTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop:
          platform: kubernetes
          kubernetes: {namespace: shop}
          processes:
            worker: {size: standard-1x, quantity: 1}
      """;

  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
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
  void aFailingExecPlugin_isTheAppsReadError_withItsStderr_andFM120InDrift() throws Exception {
    Path plugin = dir.resolve("plugin.sh");
    Files.writeString(
        plugin,
        "#!/bin/sh\necho 'error: the SSO session has expired; run aws sso login' >&2\nexit 1\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(
        cluster.kubeconfig,
        cluster.kubeconfig(
            "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: " + plugin));
    int before = cluster.server.getRequestCount();

    CliRunner.Result plan = run("plan");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out() + plan.err())
        .contains(
            "the exec plugin `" + plugin + "` of kubeconfig user `user` failed (exit status 1)")
        .contains("error: the SSO session has expired; run aws sso login")
        .doesNotContain("Unauthorized");

    CliRunner.Result drift = run("drift");
    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
    assertThat(drift.err()).contains("error[FM120]");
    assertThat(drift.out() + drift.err()).contains("the SSO session has expired");
    assertThat(cluster.server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void insecureSkipTlsVerify_warnsOnStderr_once() throws Exception {
    Files.writeString(
        cluster.kubeconfig,
        cluster
            .kubeconfig("token: " + KubeHarness.TOKEN)
            .replace(
                "server: " + cluster.url(),
                "server: " + cluster.url() + "\n    insecure-skip-tls-verify: true"));
    CliRunner.Result plan = run("plan");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.err().split("warning\\[FM162\\]", -1)).hasSize(2);
    assertThat(plan.err()).contains("cluster `mock` (" + cluster.url() + ") sets insecure");
    assertThat(List.of(plan.out(), plan.err())).noneMatch(s -> s.contains(KubeHarness.TOKEN));
  }
}
