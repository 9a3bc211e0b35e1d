package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Maps Deployments and HorizontalPodAutoscalers to formation's live model. */
final class Mapping {
  private Mapping() {}

  /** The container a size sets resources on: the named one, else the first. */
  static Container container(Deployment d, KubernetesPlacement p) throws PlatformException {
    List<Container> containers =
        d.getSpec() == null
                || d.getSpec().getTemplate() == null
                || d.getSpec().getTemplate().getSpec() == null
            ? List.of()
            : d.getSpec().getTemplate().getSpec().getContainers();
    if (containers == null || containers.isEmpty()) {
      throw new PlatformException(
          "the Deployment " + d.getMetadata().getName() + " has no container", 0, null, null);
    }
    if (p.container() == null) {
      return containers.get(0);
    }
    return containers.stream()
        .filter(c -> p.container().equals(c.getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new PlatformException(
                    "the Deployment "
                        + d.getMetadata().getName()
                        + " has no container `"
                        + p.container()
                        + "` (it has "
                        + containers.stream()
                            .map(Container::getName)
                            .collect(Collectors.joining(", "))
                        + ")",
                    422,
                    "invalid_params",
                    null));
  }

  /** One Deployment as a process type: replicas, and the size its container's resources match. */
  static LiveProcess process(String type, Deployment d, KubernetesPlacement p)
      throws PlatformException {
    Container c = container(d, p);
    ResourceRequirements r = c.getResources();
    Map<String, Quantity> requests = r == null ? null : r.getRequests();
    Map<String, Quantity> limits = r == null ? null : r.getLimits();
    long cpu = orZero(Resources.parseCpu(text(requests, "cpu")));
    Long memoryRequest = Resources.parseMemory(text(requests, "memory"));
    Long memoryLimit = Resources.parseMemory(text(limits, "memory"));
    long memory = memoryRequest != null ? memoryRequest : orZero(memoryLimit);
    Resources has = new Resources(cpu, memory);
    boolean limitFits = memoryLimit == null || memoryLimit == memory;
    String size = limitFits ? size(has, p, p.types() == null ? null : p.types().get(type)) : null;
    Integer replicas = d.getSpec().getReplicas();
    return new LiveProcess(
        type,
        size == null ? LiveProcess.CUSTOM : size,
        replicas == null ? 1 : replicas,
        null,
        changedAt(d.getMetadata().getManagedFields()),
        has);
  }

  /** The size whose resources these are: the config's own size first, else the first that fits. */
  private static String size(Resources has, KubernetesPlacement p, String wanted) {
    if (wanted != null && has.equals(p.sizes().get(wanted))) {
      return wanted;
    }
    return p.sizes().entrySet().stream()
        .filter(e -> e.getValue().equals(has))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** An HPA as web's autoscaler: its band and what it measures. */
  static LiveMonitor monitor(HorizontalPodAutoscaler h) {
    var spec = h.getSpec();
    int min = spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
    int max = spec.getMaxReplicas() == null ? min : spec.getMaxReplicas();
    List<MetricSpec> metrics = spec.getMetrics() == null ? List.of() : spec.getMetrics();
    int p95 = 0;
    String metric;
    if (metrics.size() == 1 && pods(metrics.get(0)) != null) {
      MetricSpec m = metrics.get(0);
      String value = text(m.getPods().getTarget().getAverageValue());
      Long whole = value == null ? null : Resources.parseMemory(value);
      boolean exact = whole != null && value.matches("[0-9]+") && whole <= 60_000 && whole > 0;
      p95 = exact ? whole.intValue() : 0;
      metric = "pods:" + m.getPods().getMetric().getName() + (exact ? "" : "=" + value);
    } else if (metrics.isEmpty()) {
      metric = "cpu:80"; // the HPA's own default when it names no metric
    } else {
      metric = metrics.stream().map(Mapping::describe).collect(Collectors.joining(","));
    }
    return new LiveMonitor(h.getMetadata().getName(), true, min, max, p95, false, metric);
  }

  private static String pods(MetricSpec m) {
    if (!"Pods".equals(m.getType())
        || m.getPods() == null
        || m.getPods().getMetric() == null
        || m.getPods().getTarget() == null
        || !"AverageValue".equals(m.getPods().getTarget().getType())) {
      return null;
    }
    return m.getPods().getMetric().getName();
  }

  /** {@code cpu:70}, {@code memory:80}, {@code pods:name=300m}: short and stable. */
  private static String describe(MetricSpec m) {
    if ("Resource".equals(m.getType()) && m.getResource() != null) {
      MetricTarget t = m.getResource().getTarget();
      String target =
          t == null
              ? "?"
              : t.getAverageUtilization() != null
                  ? String.valueOf(t.getAverageUtilization())
                  : Objects.toString(text(t.getAverageValue()), "?");
      return m.getResource().getName() + ":" + target;
    }
    if ("Pods".equals(m.getType()) && m.getPods() != null && m.getPods().getMetric() != null) {
      MetricTarget t = m.getPods().getTarget();
      return "pods:"
          + m.getPods().getMetric().getName()
          + "="
          + (t == null ? "?" : Objects.toString(text(t.getAverageValue()), "?"));
    }
    return String.valueOf(m.getType()).toLowerCase(java.util.Locale.ROOT);
  }

  /** When the object was last written, by anyone: the newest managed-fields time. */
  static Instant changedAt(List<ManagedFieldsEntry> entries) {
    Instant newest = null;
    if (entries != null) {
      for (ManagedFieldsEntry e : entries) {
        try {
          Instant t = e.getTime() == null ? null : Instant.parse(e.getTime());
          if (t != null && (newest == null || t.isAfter(newest))) {
            newest = t;
          }
        } catch (DateTimeParseException ignored) {
          // a time formation cannot read says nothing about when
        }
      }
    }
    return newest;
  }

  private static String text(Map<String, Quantity> map, String key) {
    return map == null ? null : text(map.get(key));
  }

  static String text(Quantity q) {
    if (q == null || q.getAmount() == null) {
      return null;
    }
    return q.getAmount() + (q.getFormat() == null ? "" : q.getFormat());
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }
}
