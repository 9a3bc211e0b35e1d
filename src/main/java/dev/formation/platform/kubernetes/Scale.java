package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a Deployment's replicas through its {@code scale} subresource, as {@code kubectl scale}
 * does: a merge patch of {@code spec.replicas}, an absolute count, with field manager formation.
 * (fabric8's own {@code scale(n)} replaces the whole Scale object instead.)
 */
final class Scale {
  private static final String MERGE_PATCH = "application/merge-patch+json";

  private Scale() {}

  /**
   * @param resourceVersion the version the plan was made from, sent as a precondition: the server
   *     answers 409 when the Deployment has changed since, which is "changed since plan"; or {@code
   *     null} for none
   */
  static void patch(
      KubeConfigs.Connection c,
      String namespace,
      String deployment,
      int replicas,
      String resourceVersion)
      throws PlatformException {
    String base = c.client().getMasterUrl().toString();
    String url =
        (base.endsWith("/") ? base : base + "/")
            + "apis/apps/v1/namespaces/"
            + namespace
            + "/deployments/"
            + deployment
            + "/scale?fieldManager="
            + KubernetesPlatform.FIELD_MANAGER;
    HttpClient http = c.client().getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(url)
            .method("PATCH", MERGE_PATCH, Bodies.replicas(replicas, resourceVersion))
            .build();
    HttpResponse<String> response;
    try {
      response = http.sendAsync(request, String.class).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while scaling " + deployment, e);
    } catch (ExecutionException | TimeoutException e) {
      String unreachable = Errors.unreachable(e, c.server());
      throw new PlatformException(
          "scaling the Deployment "
              + deployment
              + ": "
              + (unreachable != null ? unreachable : Errors.brief(e)),
          e);
    }
    if (response.code() == 409 && resourceVersion != null) {
      throw ReadVersions.changed(deployment, resourceVersion);
    }
    if (response.code() >= 300) {
      Status status = status(c, response.body());
      String message =
          status == null || status.getMessage() == null ? "no message" : status.getMessage();
      throw Errors.of(
          "scaling the Deployment " + deployment,
          new KubernetesClientException(message, response.code(), status));
    }
  }

  private static Status status(KubeConfigs.Connection c, String body) {
    try {
      return body == null || body.isBlank()
          ? null
          : c.client().getKubernetesSerialization().unmarshal(body, Status.class);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
