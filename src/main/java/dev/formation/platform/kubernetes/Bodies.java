package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.platform.MonitorSettings;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request bodies formation sends: server-side apply configurations that name only the fields
 * formation owns (a container's resources; an HPA's target, band and metric), and the scale
 * subresource's replicas. Never a Deployment's replicas through the Deployment itself.
 */
final class Bodies {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Bodies() {}

  /** The resources of one container: CPU request, memory request and limit. */
  static String resources(String namespace, String deployment, String container, Resources r) {
    ObjectNode root = object("apps/v1", "Deployment", namespace, deployment, null);
    ObjectNode c =
        root.putObject("spec")
            .putObject("template")
            .putObject("spec")
            .putArray("containers")
            .addObject();
    c.put("name", container);
    ObjectNode resources = c.putObject("resources");
    String memory = Resources.memoryQuantity(r.memoryBytes());
    resources
        .putObject("requests")
        .put("cpu", Resources.cpuQuantity(r.cpuMillis()))
        .put("memory", memory);
    resources.putObject("limits").put("memory", memory);
    return root.toString();
  }

  /**
   * web's HorizontalPodAutoscaler: the Deployment's name, the band, and the p95 metric as a Pods
   * metric at {@code p95_ms}, or CPU utilisation without one.
   */
  static String autoscaler(
      String namespace,
      String name,
      String deployment,
      String app,
      KubernetesPlacement p,
      MonitorSettings s) {
    ObjectNode root = object("autoscaling/v2", "HorizontalPodAutoscaler", namespace, name, app);
    ObjectNode spec = root.putObject("spec");
    spec.putObject("scaleTargetRef")
        .put("apiVersion", "apps/v1")
        .put("kind", "Deployment")
        .put("name", deployment);
    spec.put("minReplicas", s.min());
    spec.put("maxReplicas", s.max());
    ObjectNode metric = spec.putArray("metrics").addObject();
    if (p.p95Metric() != null) {
      metric.put("type", "Pods");
      ObjectNode pods = metric.putObject("pods");
      pods.putObject("metric").put("name", p.p95Metric());
      pods.putObject("target")
          .put("type", "AverageValue")
          .put("averageValue", String.valueOf(s.p95Ms()));
    } else {
      metric.put("type", "Resource");
      metric
          .putObject("resource")
          .put("name", "cpu")
          .putObject("target")
          .put("type", "Utilization")
          .put("averageUtilization", KubernetesPlacement.CPU_TARGET_PERCENT);
    }
    return root.toString();
  }

  /**
   * A merge patch of the scale subresource: the one way formation writes replicas; with {@code
   * resourceVersion}, a precondition the API server checks (as {@code kubectl scale
   * --resource-version} sends it).
   */
  static String replicas(int n, String resourceVersion) {
    ObjectNode root = JSON.createObjectNode();
    if (resourceVersion != null) {
      root.putObject("metadata").put("resourceVersion", resourceVersion);
    }
    root.putObject("spec").put("replicas", n);
    return root.toString();
  }

  private static ObjectNode object(
      String apiVersion, String kind, String namespace, String name, String partOf) {
    ObjectNode root = JSON.createObjectNode();
    root.put("apiVersion", apiVersion);
    root.put("kind", kind);
    ObjectNode meta = root.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", namespace);
    if (partOf != null) {
      meta.putObject("labels").put(KubernetesPlatform.PART_OF, partOf);
    }
    return root;
  }
}
