package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.config.PlatformSettings;
import dev.formation.config.ProcessSpec;
import dev.formation.live.Placement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@code platform: kubernetes} app's Deployments are and how its sizes map to container
 * resources: the settings its block gives, read by {@link KubernetesReader}.
 *
 * @param context the kubeconfig context, or {@code null} for the current one
 * @param namespace the namespace, or {@code null} for the context's own (else {@code default})
 * @param deployment the Deployment name template, with {@code {type}} and optionally {@code {app}}
 * @param container the container a size sets resources on, or {@code null} for the first
 * @param p95Metric the Pods metric an autoscaler targets at {@code p95_ms}, or {@code null} for CPU
 * @param sizes the size map in effect: every catalogue size by canonical name, overrides applied
 * @param prices USD per replica and month by canonical size name; empty when none are given
 */
public record KubernetesSpec(
    String context,
    String namespace,
    String deployment,
    String container,
    String p95Metric,
    Map<String, Resources> sizes,
    Map<String, Long> prices)
    implements PlatformSettings {
  public static final String DEFAULT_TEMPLATE = "{app}-{type}";

  public KubernetesSpec {
    if (deployment == null || !deployment.contains("{type}")) {
      throw new IllegalArgumentException("a Deployment template names {type}: " + deployment);
    }
    sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /** The Deployment of one process type. */
  public String deploymentName(String app, String type) {
    return deploymentName(deployment, app, type);
  }

  static String deploymentName(String template, String app, String type) {
    return template.replace("{app}", app).replace("{type}", type);
  }

  /** The resources one replica of {@code size} requests on this app's cluster. */
  @Override
  public Resources resources(Size size) {
    Resources r = sizes.get(size.name());
    if (r == null) {
      throw new IllegalArgumentException("the size map has no " + size.name());
    }
    return r;
  }

  /** The configured monthly price of one replica of {@code size}, if prices are given. */
  @Override
  public Optional<Long> price(String size) {
    return Optional.ofNullable(prices.get(size));
  }

  @Override
  public boolean priced() {
    return !prices.isEmpty();
  }

  /** A cluster has no list prices: an app's prices are its own, or it is costed in requests. */
  @Override
  public boolean ownsPrices() {
    return true;
  }

  @Override
  public Placement placement(List<ProcessSpec> processes) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, QueueScaler> queues = new LinkedHashMap<>();
    for (ProcessSpec p : processes) {
      types.put(p.type(), p.size().name());
      if (p.autoscaled() && p.autoscale().queueDriven()) {
        queues.put(p.type(), QueueScaler.of(p.autoscale()));
      }
    }
    return new KubernetesPlacement(
        context, namespace, deployment, container, p95Metric, sizes, types, queues);
  }

  @Override
  public String autoscaleMetric() {
    return p95Metric == null
        ? "cpu:" + KubernetesPlacement.CPU_TARGET_PERCENT
        : "pods:" + p95Metric;
  }

  /** Without a Pods metric the autoscaler targets CPU utilisation, which has no latency target. */
  @Override
  public boolean targetsLatency() {
    return p95Metric != null;
  }

  @Override
  public Optional<String> autoscaleNote(String app, String type) {
    if (p95Metric != null) {
      return Optional.empty();
    }
    return Optional.of(
        app
            + ": p95 cannot be expressed without a metrics adapter; the autoscaler of `"
            + type
            + "` targets "
            + KubernetesPlacement.CPU_TARGET_PERCENT
            + " % CPU utilisation (set `kubernetes.p95_metric`)");
  }
}
