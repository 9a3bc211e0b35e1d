package dev.formation.live;

/**
 * Where on which cluster a Kubernetes app was read: the kubeconfig context and the namespace, both
 * resolved (never the defaults' blanks), so that a saved plan is applied where it was made.
 */
public record KubernetesLocation(String context, String namespace) {
  public KubernetesLocation {
    if (context == null || namespace == null) {
      throw new IllegalArgumentException("a cluster location names a context and a namespace");
    }
  }

  @Override
  public String toString() {
    return "context " + context + ", namespace " + namespace;
  }
}
