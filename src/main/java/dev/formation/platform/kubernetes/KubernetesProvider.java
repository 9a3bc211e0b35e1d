package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.config.AppBlock;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.PlatformKind;
import dev.formation.config.PlatformSettings;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.Placement;
import dev.formation.live.SetupStep;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformProvider;
import dev.formation.platform.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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

  /** KEDA reads a queue's URL from a Secret of the cluster, through a TriggerAuthentication. */
  @Override
  public boolean readsQueueSecrets() {
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

  /** A ScaledObject formation can read back, with a band from 1: its queue rule. */
  @Override
  public AutoscaleSpec importAutoscale(LiveApp app, String type) {
    if (!(app.placement() instanceof KubernetesLocation where)) {
      return null;
    }
    QueueScaler s = where.scalers().get(type);
    if (s == null || s.rule() == null || s.min() < 1) {
      return null;
    }
    return new AutoscaleSpec(s.min(), s.max(), AutoscaleSpec.DEFAULT_P95_MS, false, s.rule());
  }

  /** A KEDA step: {@code autoscale worker (KEDA)}, the scaler before and after. */
  @Override
  public StepWords words(SetupStep step, UnaryOperator<String> path) {
    if (!KubernetesPlacement.KEDA.equals(step.operation())) {
      return PlatformProvider.super.words(step, path);
    }
    String from = step.from() == null ? "none" : step.from();
    String to = step.to() == null ? "none" : step.to();
    String detail =
        step.from() == null ? to : step.to() == null ? "remove " + from : from + " → " + to;
    return new StepWords("autoscale " + step.type() + " (KEDA)", from, to, detail);
  }

  @Override
  public String setupText(List<SetupStep> steps) {
    return "write the KEDA autoscaling of "
        + String.join(", ", steps.stream().map(SetupStep::type).distinct().toList());
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
