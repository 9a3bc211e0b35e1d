package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.config.AppBlock;
import dev.formation.config.PlatformKind;
import dev.formation.config.PlatformSettings;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.Placement;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformProvider;
import dev.formation.platform.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kubernetes ({@code platform: kubernetes}): Deployments on a cluster reached through a kubeconfig.
 * This class names no fabric8 type, so listing the providers does not load the cluster client; it
 * is loaded by {@link #open}, on the first Kubernetes app of an operation.
 */
public final class KubernetesProvider implements PlatformProvider {
  @Override
  public String word() {
    return "kubernetes";
  }

  @Override
  public String blockKey() {
    return "kubernetes";
  }

  @Override
  public PlatformSettings readBlock(AppBlock block) {
    return new KubernetesReader(block).read(block);
  }

  @Override
  public void refuseBlock(AppBlock block, PlatformKind actual) {
    new KubernetesReader(block).refuse(block, actual);
  }

  /** A HorizontalPodAutoscaler clamps the count into its band as soon as it exists. */
  @Override
  public boolean autoscalerSetsTheCount() {
    return true;
  }

  /** KEDA scales a cluster's queue-autoscaled Deployments. */
  @Override
  public boolean runsQueueAutoscaler() {
    return true;
  }

  /** A cluster has no tiers. */
  @Override
  public boolean enforcesTiers() {
    return false;
  }

  @Override
  public String liveKey() {
    return "cluster";
  }

  @Override
  public Placement placement(Map<String, Object> json) {
    return KubernetesPlacement.of(json);
  }

  @Override
  public Placement livePlacement(Map<String, Object> json) {
    return KubernetesLocation.of(json);
  }

  /**
   * The resolved context and namespace, so the file plans the same app wherever it is used, and the
   * Pods metric of a latency autoscaler.
   */
  @Override
  public Map<String, Object> importBlock(LiveApp app) {
    if (!(app.placement() instanceof KubernetesLocation where)) {
      return null;
    }
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("context", where.context());
    block.put("namespace", where.namespace());
    LiveMonitor m = app.monitor();
    if (m != null && m.metric() != null && m.metric().startsWith("pods:") && m.p95Ms() > 0) {
      block.put("p95_metric", m.metric().substring(5));
    }
    return block;
  }

  @Override
  public Platform open(PlatformContext context) {
    return new KubernetesPlatform(
        context.env(),
        context.home(),
        context.forceConflicts(),
        context.debug(),
        context.progress());
  }

  @Override
  public Map<String, Resources> sizeMap() {
    return SizeMap.standard();
  }

  /** The default template and size map: every Deployment the template names. */
  @Override
  public Target importTarget(String app, ImportScope scope) {
    return new Target(app, this, discovery(scope.context(), scope.namespace()));
  }

  /** The placement of an app read without a config, in a context and namespace. */
  static KubernetesPlacement discovery(String context, String namespace) {
    return new KubernetesPlacement(
        context, namespace, "{app}-{type}", null, null, SizeMap.standard(), null);
  }
}
