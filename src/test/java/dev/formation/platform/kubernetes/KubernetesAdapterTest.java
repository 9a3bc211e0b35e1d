package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.catalog.Resources;
import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes adapter's own cases: conflicts, custom sizes, hand-changed HPAs, kubeconfigs. */
@Timeout(60)
class KubernetesAdapterTest {
  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void resources_ownedByHelm_areAConflictNamingHelm_untilForced() throws Exception {
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
    cluster.dispatcher.foreignOwners.put("shop-worker", "helm");
    Target t = KubeHarness.target(null, null, Map.of("worker", "Standard-2X"));
    Write resize =
        new Write.UpdateFormation(List.of(new FormationUpdate("worker", null, "Standard-2X")));

    try (KubernetesPlatform p = cluster.platform()) {
      LiveApp live = p.read(t);
      assertThatThrownBy(() -> p.apply(t, live, resize))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("field manager `helm`")
          .hasMessageContaining("--force-conflicts")
          .extracting(e -> ((PlatformException) e).status())
          .isEqualTo(409);
      assertThat(p.read(t).process("worker").get().size()).isEqualTo("Standard-1X");
    }
    try (KubernetesPlatform forced = cluster.platform(true)) {
      LiveApp after = forced.apply(t, forced.read(t), resize);
      assertThat(after.process("worker").get().size()).isEqualTo("Standard-2X");
    }
  }

  @Test
  void aContainerMatchingNoSize_readsAsCustom_withItsResources() throws Exception {
    cluster.seed("shop-worker", Resources.ofMib(300, 768), 2, Map.of());
    try (KubernetesPlatform p = cluster.platform()) {
      LiveProcess worker =
          p.read(KubeHarness.target(null, null, Map.of("worker", "Standard-2X")))
              .process("worker")
              .get();
      assertThat(worker.size()).isEqualTo(LiveProcess.CUSTOM);
      assertThat(worker.resources()).isEqualTo(Resources.ofMib(300, 768));
      assertThat(worker.quantity()).isEqualTo(2);
    }
  }

  @Test
  void aMissingDeployment_isLeftOutOfTheRead_andAWriteToItNamesIt() throws Exception {
    cluster.seed("shop-web", "standard-1x", 1, Map.of());
    Map<String, String> types = new LinkedHashMap<>();
    types.put("web", "Standard-1X");
    types.put("clock", "Standard-1X");
    Target t = KubeHarness.target(null, null, types);
    try (KubernetesPlatform p = cluster.platform()) {
      LiveApp live = p.read(t);
      assertThat(live.process("clock")).isEmpty();
      assertThatThrownBy(
              () ->
                  p.apply(
                      t,
                      live,
                      new Write.UpdateFormation(List.of(new FormationUpdate("clock", 1, null)))))
          .hasMessageContaining("process type `clock`")
          .hasMessageContaining("no Deployment `shop-clock`");
    }
  }

  @Test
  void anHpaChangedByHand_readsWithItsNewBand_andReplicasBesideItAreRefused() throws Exception {
    cluster.seed("shop-web", "performance-m", 2, Map.of());
    Target t = KubeHarness.target(null, null, Map.of("web", "Performance-M"));
    try (KubernetesPlatform p = cluster.platform()) {
      LiveApp live = p.read(t);
      LiveApp withHpa =
          p.apply(
              t,
              live,
              new Write.CreateMonitor(new dev.formation.platform.MonitorSettings(2, 8, 0, false)));
      assertThat(withHpa.monitor().metric()).isEqualTo("cpu:70");
      cluster
          .admin
          .autoscaling()
          .v2()
          .horizontalPodAutoscalers()
          .inNamespace("shop")
          .withName("shop-web")
          .edit(
              (HorizontalPodAutoscaler h) -> {
                h.getSpec().setMaxReplicas(20);
                return h;
              });
      assertThat(p.read(t).monitor().max()).isEqualTo(20);
      assertThatThrownBy(
              () ->
                  p.apply(
                      t,
                      withHpa,
                      new Write.UpdateFormation(List.of(new FormationUpdate("web", 5, null)))))
          .hasMessageContaining("belong to its HorizontalPodAutoscaler");
      assertThat(cluster.deployment("shop-web").getSpec().getReplicas()).isEqualTo(2);
    }
  }

  @Test
  void anExecPluginKubeconfig_sendsThePluginsToken() throws Exception {
    Path plugin = dir.resolve("token-plugin.sh");
    Files.writeString(
        plugin,
        "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
            + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"from-exec-plugin\"}}'\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(
        cluster.kubeconfig,
        cluster.kubeconfig(
            "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: "
                + plugin
                + "\n  interactiveMode: Never"));
    cluster.seed("shop-web", "standard-1x", 1, Map.of());
    try (KubernetesPlatform p = cluster.platform()) {
      assertThat(
              p.read(KubeHarness.target(null, null, Map.of("web", "Standard-1X"))).process("web"))
          .isPresent();
    }
    assertThat(lastAuthorization()).isEqualTo("Bearer from-exec-plugin");
  }

  @Test
  void aTokenKubeconfig_sendsTheToken_andAnUnknownContextIsToldClearly() throws Exception {
    cluster.seed("shop-web", "standard-1x", 1, Map.of());
    try (KubernetesPlatform p = cluster.platform()) {
      p.read(KubeHarness.target(null, null, Map.of("web", "Standard-1X")));
      assertThat(lastAuthorization()).isEqualTo("Bearer " + KubeHarness.TOKEN);
      KubernetesPlacement d = KubernetesProvider.discovery(null, null);
      Target elsewhere =
          new Target(
              "shop",
              PlatformKind.named("kubernetes"),
              new KubernetesPlacement(
                  "staging", null, d.deployment(), null, null, d.sizes(), null));
      assertThatThrownBy(() -> p.read(elsewhere))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("no context `staging`")
          .message()
          .doesNotContain(KubeHarness.TOKEN);
    }
  }

  private String lastAuthorization() throws InterruptedException {
    String auth = null;
    int n = cluster.server.getRequestCount();
    for (int i = 0; i < n; i++) {
      var r = cluster.server.takeRequest();
      if (r.getHeader("Authorization") != null) {
        auth = r.getHeader("Authorization");
      }
    }
    return auth;
  }
}
