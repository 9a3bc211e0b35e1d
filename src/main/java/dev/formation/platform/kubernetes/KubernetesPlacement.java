package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.Placement;
import dev.formation.live.SetupStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param queues the KEDA scalers the config's queue rules make, by process type (the band in force
 *     at the plan's moment): set up on the cluster before the formation ({@link #stepsFrom})
 */
public record KubernetesPlacement(
    String context,
    String namespace,
    String deployment,
    String container,
    String p95Metric,
    Map<String, Resources> sizes,
    Map<String, String> types,
    Map<String, QueueScaler> queues)
    implements Placement {
  /** The CPU utilisation an autoscaler targets when no p95 metric is configured. */
  public static final int CPU_TARGET_PERCENT = 70;

  public KubernetesPlacement {
    if (deployment == null || !deployment.contains("{type}")) {
      throw new IllegalArgumentException("a Deployment template names {type}: " + deployment);
    }
    sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    types = types == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(types));
    queues = queues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(queues));
  }

  /** A placement whose types have no queue rules. */
  public KubernetesPlacement(
      String context,
      String namespace,
      String deployment,
      String container,
      String p95Metric,
      Map<String, Resources> sizes,
      Map<String, String> types) {
    this(context, namespace, deployment, container, p95Metric, sizes, types, null);
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
        where.context(), where.namespace(), deployment, container, p95Metric, sizes, types, queues);
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
    Map<String, Object> scalers = QueueScaler.json(queues);
    if (scalers != null) {
      json.put("queues", scalers);
    }
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
        types,
        QueueScaler.all(json.get("queues")));
  }

  /**
   * The KEDA objects to write or delete, type by type: a listed type's queue rule that the cluster
   * lacks or has otherwise, and a ScaledObject on a listed type the config gives no queue rule.
   */
  @Override
  public List<SetupStep> stepsFrom(LiveApp live) {
    List<SetupStep> steps = new ArrayList<>();
    Map<String, QueueScaler> have = scalersOf(live);
    for (String type : listed(have)) {
      QueueScaler want = queues.get(type);
      QueueScaler now = have.get(type);
      if (want != null && now == null) {
        steps.add(step("add", type, null, want.describe()));
      } else if (want != null && !want.equals(now)) {
        steps.add(step("change", type, now.describe(), want.describe()));
      } else if (want == null && now != null) {
        steps.add(step("remove", type, now.describe(), null));
      }
    }
    return steps;
  }

  @Override
  public List<Difference> differencesIn(LiveApp live) {
    List<Difference> out = new ArrayList<>();
    for (SetupStep s : stepsFrom(live)) {
      String message =
          switch (s.action()) {
            case "add" -> "`" + s.type() + "` has no KEDA ScaledObject; the config autoscales it";
            case "remove" ->
                "`" + s.type() + "` is scaled by a KEDA ScaledObject; the config does not say so";
            default -> "the KEDA ScaledObject of `" + s.type() + "` was changed by hand";
          };
      out.add(
          new Difference(
              s.type(),
              message,
              s.to() == null ? "none" : s.to(),
              s.from() == null ? "none" : s.from(),
              false));
    }
    return out;
  }

  @Override
  public boolean shownBy(LiveApp now) {
    return stepsFrom(now).isEmpty();
  }

  @Override
  public List<String> problemsIn(LiveApp now) {
    return stepsFrom(now).stream()
        .map(
            s ->
                "the KEDA autoscaling of `"
                    + s.type()
                    + "` is "
                    + (s.from() == null ? "missing" : s.from())
                    + (s.to() == null ? ", not gone" : ", not " + s.to()))
        .toList();
  }

  /** The step's operation word: KEDA's objects of one type. */
  static final String KEDA = "keda";

  private static SetupStep step(String action, String type, String from, String to) {
    return new SetupStep(KEDA, action, type, from, to, null, false);
  }

  /** The types a plan compares: those listed (or, read without a config, those found). */
  private List<String> listed(Map<String, QueueScaler> have) {
    List<String> all = new ArrayList<>(types == null ? have.keySet() : types.keySet());
    queues.keySet().stream().filter(t -> !all.contains(t)).forEach(all::add);
    return all;
  }

  private static Map<String, QueueScaler> scalersOf(LiveApp live) {
    return live != null && live.placement() instanceof KubernetesLocation where
        ? where.scalers()
        : Map.of();
  }

  private static Map<String, Object> resources(Resources r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cpu_millis", r.cpuMillis());
    json.put("memory_bytes", r.memoryBytes());
    return json;
  }
}
