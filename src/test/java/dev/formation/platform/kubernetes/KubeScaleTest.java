package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.diag.Code;
import dev.formation.live.LiveApp;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Write;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A scale carries the resourceVersion the plan was read at; a Deployment changed since is 409. */
@Timeout(60)
class KubeScaleTest {
  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static Write scaleTo(int n) {
    return new Write.UpdateFormation(List.of(new FormationUpdate("worker", n, null)));
  }

  private String version() {
    return cluster.deployment("shop-worker").getMetadata().getResourceVersion();
  }

  @Test
  void aScale_sendsTheVersionItWasReadAt() throws Exception {
    try (KubernetesPlatform p = cluster.platform()) {
      LiveApp live = p.read(KubeHarness.target(null, null, Map.of("worker", "Standard-1X")));
      String read = version();
      assertThat(
              p.apply(
                      KubeHarness.target(null, null, Map.of("worker", "Standard-1X")),
                      live,
                      scaleTo(3))
                  .process("worker")
                  .get()
                  .quantity())
          .isEqualTo(3);
      assertThat(cluster.dispatcher.scales).containsExactly(read);
    }
  }

  @Test
  void aDeploymentChangedAfterTheRead_isChangedSincePlan_andNotScaled() throws Exception {
    try (KubernetesPlatform p = cluster.platform()) {
      LiveApp live = p.read(KubeHarness.target(null, null, Map.of("worker", "Standard-1X")));
      // a deploy rolls out a new image: same size and count, so the plan's fingerprint holds
      cluster
          .admin
          .apps()
          .deployments()
          .inNamespace(KubeHarness.NAMESPACE)
          .withName("shop-worker")
          .edit(
              d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("app:2");
                return d;
              });
      assertThatThrownBy(
              () ->
                  p.apply(
                      KubeHarness.target(null, null, Map.of("worker", "Standard-1X")),
                      live,
                      scaleTo(3)))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("the Deployment shop-worker changed since plan")
          .hasMessageContaining("[FM163]")
          .extracting(e -> ((PlatformException) e).status())
          .isEqualTo(409);
    }
    assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).isEqualTo(1);
    assertThat(cluster.dispatcher.scales).isEmpty();
    assertThat(ReadVersions.CHANGED_CODE).isEqualTo(Code.FM163.name());
  }

  @Test
  void theApiServersConflict_onAStaleVersion_isChangedSincePlan() throws Exception {
    String stale = version();
    cluster
        .admin
        .apps()
        .deployments()
        .inNamespace(KubeHarness.NAMESPACE)
        .withName("shop-worker")
        .edit(
            d -> {
              d.getMetadata().setLabels(Map.of("app", "shop-worker", "rolled", "yes"));
              return d;
            });
    try (KubeConfigs configs =
        new KubeConfigs(cluster.env(), dir, null, null, ExecPlugin.DEADLINE)) {
      KubeConfigs.Connection c = configs.connect(null);
      assertThatThrownBy(() -> Scale.patch(c, KubeHarness.NAMESPACE, "shop-worker", 4, stale))
          .hasMessageContaining("changed since plan (it was read at resourceVersion " + stale)
          .extracting(e -> ((PlatformException) e).errorId())
          .isEqualTo("changed_since_plan");
      Scale.patch(c, KubeHarness.NAMESPACE, "shop-worker", 4, version());
    }
    assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  void aScaleThatCannotConnect_saysSo() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    java.nio.file.Files.writeString(
        cluster.kubeconfig,
        cluster.kubeconfig("token: t").replace(cluster.url(), "http://127.0.0.1:" + port));
    try (KubeConfigs configs =
        new KubeConfigs(cluster.env(), dir, null, null, ExecPlugin.DEADLINE)) {
      KubeConfigs.Connection c = configs.connect(null);
      assertThatThrownBy(() -> Scale.patch(c, KubeHarness.NAMESPACE, "shop-worker", 2, "1"))
          .hasMessage(
              "scaling the Deployment shop-worker: cannot connect to http://127.0.0.1:"
                  + port
                  + ": connection refused");
    }
  }
}
