package dev.formation.live;

import dev.formation.catalog.Resources;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Kubernetes app is found and sized on its cluster, as its config says: the adapter reads and
 * writes through it, and a saved plan keeps it so that {@code apply FILE} needs no config.
 *
 * @param context the kubeconfig context, or {@code null} for the current one
 * @param namespace the namespace, or {@code null} for the context's own, else {@code default}
 * @param deployment the Deployment name template ({@code {app}}, {@code {type}})
 * @param container the container a size sets resources on, or {@code null} for the first
 * @param p95Metric the Pods metric an autoscaler targets, or {@code null} for 70 % CPU
 * @param sizes the size map: resources by canonical size name, in catalogue order
 * @param types the config's process types and their sizes, in config order; {@code null} when the
 *     app is read without a config ({@code import}), which finds the types by the template
 */
public record KubernetesPlacement(
    String context,
    String namespace,
    String deployment,
    String container,
    String p95Metric,
    Map<String, Resources> sizes,
    Map<String, String> types) {
  /** The CPU utilisation an autoscaler targets when no p95 metric is configured. */
  public static final int CPU_TARGET_PERCENT = 70;

  public KubernetesPlacement {
    if (deployment == null || !deployment.contains("{type}")) {
      throw new IllegalArgumentException("a Deployment template names {type}: " + deployment);
    }
    sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    types = types == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** The Deployment name of one process type. */
  public String deploymentName(String app, String type) {
    return deployment.replace("{app}", app).replace("{type}", type);
  }

  /**
   * The process type a Deployment name stands for under the template, or {@code null} when the name
   * does not fit it.
   */
  public String typeOf(String app, String deploymentName) {
    String pattern = deployment.replace("{app}", app);
    int at = pattern.indexOf("{type}");
    String prefix = pattern.substring(0, at);
    String suffix = pattern.substring(at + "{type}".length());
    if (suffix.contains("{type}")
        || deploymentName.length() <= prefix.length() + suffix.length()
        || !deploymentName.startsWith(prefix)
        || !deploymentName.endsWith(suffix)) {
      return null;
    }
    return deploymentName.substring(prefix.length(), deploymentName.length() - suffix.length());
  }

  /** The metric an autoscaler of this app measures, in {@link LiveMonitor#metric} words. */
  public String autoscaleMetric() {
    return p95Metric == null ? "cpu:" + CPU_TARGET_PERCENT : "pods:" + p95Metric;
  }

  /** The same placement pinned to where the app was read. */
  public KubernetesPlacement at(KubernetesLocation where) {
    return new KubernetesPlacement(
        where.context(), where.namespace(), deployment, container, p95Metric, sizes, types);
  }
}
