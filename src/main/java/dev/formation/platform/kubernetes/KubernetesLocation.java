package dev.formation.platform.kubernetes;

import dev.formation.live.Placement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where on which cluster a Kubernetes app was read: the kubeconfig context and the namespace, both
 * resolved (never the defaults' blanks), so that a saved plan is applied where it was made.
 */
public record KubernetesLocation(String context, String namespace) implements Placement {
  public KubernetesLocation {
    if (context == null || namespace == null) {
      throw new IllegalArgumentException("a cluster location names a context and a namespace");
    }
  }

  @Override
  public Map<String, Object> json(boolean sealed) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("context", context);
    json.put("namespace", namespace);
    return json;
  }

  /** The location a saved plan keeps. */
  static KubernetesLocation of(Map<String, Object> json) {
    return new KubernetesLocation((String) json.get("context"), (String) json.get("namespace"));
  }

  @Override
  public String toString() {
    return "context " + context + ", namespace " + namespace;
  }
}
