package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.live.LiveMonitor;
import dev.formation.live.Placement;
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
    Map<String, String> types)
    implements Placement {
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

  @Override
  public Placement at(Placement read) {
    return read instanceof KubernetesLocation where ? at(where) : this;
  }

  @Override
  public Map<String, Object> json(boolean sealed) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("context", context);
    json.put("namespace", namespace);
    json.put("deployment", deployment);
    json.put("container", container);
    json.put("p95_metric", p95Metric);
    Map<String, Object> sized = new LinkedHashMap<>();
    sizes.forEach((size, r) -> sized.put(size, resources(r)));
    json.put("sizes", sized);
    json.put("types", types == null ? null : new LinkedHashMap<String, Object>(types));
    return json;
  }

  /** The placement a saved plan keeps. */
  static KubernetesPlacement of(Map<String, Object> json) {
    Map<String, Resources> sizes = new LinkedHashMap<>();
    ((Map<?, ?>) json.get("sizes"))
        .forEach(
            (size, r) -> {
              Map<?, ?> m = (Map<?, ?>) r;
              sizes.put(
                  (String) size,
                  new Resources(
                      ((Number) m.get("cpu_millis")).longValue(),
                      ((Number) m.get("memory_bytes")).longValue()));
            });
    Map<String, String> types = null;
    if (json.get("types") instanceof Map<?, ?> t) {
      types = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : t.entrySet()) {
        types.put((String) e.getKey(), (String) e.getValue());
      }
    }
    return new KubernetesPlacement(
        (String) json.get("context"),
        (String) json.get("namespace"),
        (String) json.get("deployment"),
        (String) json.get("container"),
        (String) json.get("p95_metric"),
        sizes,
        types);
  }

  private static Map<String, Object> resources(Resources r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cpu_millis", r.cpuMillis());
    json.put("memory_bytes", r.memoryBytes());
    return json;
  }
}
