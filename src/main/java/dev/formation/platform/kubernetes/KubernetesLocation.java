package dev.formation.platform.kubernetes;

import dev.formation.live.Placement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where on which cluster a Kubernetes app was read: the kubeconfig context and the namespace, both
 * resolved (never the defaults' blanks), so that a saved plan is applied where it was made; and the
 * KEDA scalers of its process types found there.
 *
 * @param scalers the KEDA ScaledObjects of the app's Deployments, by process type
 */
public record KubernetesLocation(String context, String namespace, Map<String, QueueScaler> scalers)
    implements Placement {
  public KubernetesLocation {
    if (context == null || namespace == null) {
      throw new IllegalArgumentException("a cluster location names a context and a namespace");
    }
    scalers =
        scalers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scalers));
  }

  /** A location without KEDA scalers. */
  public KubernetesLocation(String context, String namespace) {
    this(context, namespace, null);
  }

  /** The same location with the scalers read there. */
  KubernetesLocation with(Map<String, QueueScaler> found) {
    return new KubernetesLocation(context, namespace, found);
  }

  @Override
  public Map<String, Object> json(boolean sealed) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("context", context);
    json.put("namespace", namespace);
    Map<String, Object> queues = QueueScaler.json(scalers);
    if (queues != null) {
      json.put("queues", queues);
    }
    return json;
  }

  /** The location a saved plan keeps. */
  static KubernetesLocation of(Map<String, Object> json) {
    return new KubernetesLocation(
        (String) json.get("context"),
        (String) json.get("namespace"),
        QueueScaler.all(json.get("queues")));
  }

  /** A saved plan made before a ScaledObject moved is stale: its scalers are in the fingerprint. */
  @Override
  public void fingerprint(StringBuilder text) {
    scalers.forEach(
        (type, s) -> text.append("keda ").append(type).append(' ').append(s).append('\n'));
  }

  @Override
  public String toString() {
    return "context " + context + ", namespace " + namespace;
  }
}
