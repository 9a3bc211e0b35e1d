package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** One app's cluster: the client, the resolved context and namespace, the placement. */
record Cluster(
    KubeConfigs.Connection connection, KubernetesLocation where, KubernetesPlacement placement) {
  io.fabric8.kubernetes.client.KubernetesClient client() {
    return connection.client();
  }

  String namespace() {
    return where.namespace();
  }

  PlatformException error(String what, KubernetesClientException e) {
    return Errors.of(what, e, connection.server());
  }
}
