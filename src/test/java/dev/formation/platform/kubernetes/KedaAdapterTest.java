package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The KEDA objects' own cases: conflicts, replicas KEDA owns, KEDA's HPA, a cluster without it. */
@Timeout(60)
class KedaAdapterTest {
  private static final ResourceDefinitionContext SCALED_OBJECTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("keda.sh")
          .withVersion("v1alpha1")
          .withKind("ScaledObject")
          .withPlural("scaledobjects")
          .withNamespaced(true)
          .build();

  private static final QueueScaler WORKER =
      new QueueScaler(
          1,
          10,
          new QueueRule(
              new QueueSource.Redis("REDIS_URL", "shop-redis/address", List.of("jobs")),
              50,
              Duration.ofMinutes(5),
              Duration.ofSeconds(30)),
          null);

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

  /** {@code shop} in namespace shop with these types, {@code type} scaled by {@code scaler}. */
  private static Target target(String type, QueueScaler scaler) {
    KubernetesPlacement d = KubernetesProvider.discovery(null, null);
    return new Target(
        "shop",
        PlatformKind.named("kubernetes"),
        new KubernetesPlacement(
            null,
            "shop",
            d.deployment(),
            null,
            null,
            d.sizes(),
            Map.of(type, "Standard-1X"),
            scaler == null ? Map.of() : Map.of(type, scaler)));
  }

  private GenericKubernetesResource scaledObject(String name) {
    return cluster
        .admin
        .genericKubernetesResources(SCALED_OBJECTS)
        .inNamespace("shop")
        .withName(name)
        .get();
  }

  @Test
  void aScaledObjectOwnedByHelm_isAConflictNamingHelm_untilForced() throws Exception {
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
    cluster.dispatcher.foreignOwners.put("shop-worker", "helm");
    Target t = target("worker", WORKER);
    Write setup = new Write.Setup(t.placement());

    try (KubernetesPlatform p = cluster.platform()) {
      LiveApp live = p.read(t);
      assertThatThrownBy(() -> p.apply(t, live, setup))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("the ScaledObject shop-worker")
          .hasMessageContaining("field manager `helm`")
          .hasMessageContaining("--force-conflicts");
      assertThat(scaledObject("shop-worker")).isNull();
    }
    try (KubernetesPlatform forced = cluster.platform(true)) {
      LiveApp after = forced.apply(t, forced.read(t), setup);
      assertThat(((KubernetesLocation) after.placement()).scalers())
          .containsEntry("worker", WORKER);
    }
  }

  @Test
  void aCountForADeploymentAScaledObjectScales_isRefused_beforeAnyWrite() throws Exception {
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
    Target t = target("worker", WORKER);
    try (KubernetesPlatform p = cluster.platform()) {
      p.apply(t, p.read(t), new Write.Setup(t.placement()));
      Write scale = new Write.UpdateFormation(List.of(new FormationUpdate("worker", 3, null)));

      assertThatThrownBy(() -> p.apply(t, p.read(t), scale))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("belong to its KEDA ScaledObject")
          .hasMessageContaining("[FM165]");
    }
    assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).isEqualTo(1);
    assertThat(cluster.dispatcher.scales).isEmpty();
  }

  @Test
  void kedasOwnHpa_isNeverWebsAutoscaler() throws Exception {
    cluster.seed("shop-web", "standard-1x", 2, Map.of());
    HorizontalPodAutoscaler keda =
        new HorizontalPodAutoscalerBuilder()
            .withNewMetadata()
            .withName("keda-hpa-shop-web")
            .withNamespace("shop")
            .addToLabels("scaledobject.keda.sh/name", "shop-web")
            .endMetadata()
            .withNewSpec()
            .withNewScaleTargetRef("apps/v1", "Deployment", "shop-web")
            .withMinReplicas(1)
            .withMaxReplicas(6)
            .endSpec()
            .build();
    cluster.admin.autoscaling().v2().horizontalPodAutoscalers().resource(keda).create();

    try (KubernetesPlatform p = cluster.platform()) {
      assertThat(p.read(target("web", null)).monitor()).isNull();
    }
  }

  @Test
  void webMovingFromFormationsHpaToAQueue_losesTheHpaFirst() throws Exception {
    cluster.seed("shop-web", "standard-1x", 2, Map.of());
    Target t = target("web", WORKER);
    try (KubernetesPlatform p = cluster.platform()) {
      p.apply(
          t,
          p.read(t),
          new Write.CreateMonitor(new dev.formation.platform.MonitorSettings(2, 8, 500, false)));
      assertThat(p.read(t).monitor()).isNotNull();

      LiveApp after = p.apply(t, p.read(t), new Write.Setup(t.placement()));

      assertThat(after.monitor()).isNull();
      assertThat(scaledObject("shop-web")).isNotNull();
    }
    assertThat(cluster.deployment("shop-web").getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void aClusterWithoutKeda_readsNoScalers_andRefusesAQueueRuleWithFM164() throws Exception {
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
    cluster.dispatcher.kedaStatus.set(404);
    Target t = target("worker", WORKER);
    try (KubernetesPlatform p = cluster.platform()) {
      LiveApp live = p.read(t);
      assertThat(((KubernetesLocation) live.placement()).scalers()).isEmpty();

      assertThatThrownBy(() -> p.apply(t, live, new Write.Setup(t.placement())))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("KEDA is not installed")
          .hasMessageContaining("[FM164]");
    }
  }

  @Test
  void aUserWhoMayNotListKedaObjects_readsAnAppWithoutQueueRules_butNotOneWithThem()
      throws Exception {
    cluster.seed("shop-worker", "standard-1x", 1, Map.of());
    cluster.dispatcher.kedaStatus.set(403);
    try (KubernetesPlatform p = cluster.platform()) {
      assertThat(p.read(target("worker", null)).process("worker")).isPresent();

      assertThatThrownBy(() -> p.read(target("worker", WORKER)))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("scaledobjects")
          .hasMessageContaining("403");
    }
  }
}
