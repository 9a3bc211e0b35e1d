package dev.formation.platform.kubernetes;

import dev.formation.platform.MonitorSettings;
import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Web's HorizontalPodAutoscaler, written by server-side apply with formation's field manager: made
 * or changed from the plan's settings, and deleted only when no other manager (Helm, Argo CD) owns
 * it, unless the user said {@code --force-conflicts}.
 */
final class Autoscalers {
  private final boolean forceConflicts;

  Autoscalers(boolean forceConflicts) {
    this.forceConflicts = forceConflicts;
  }

  void apply(
      Cluster c,
      String app,
      String name,
      String deployment,
      MonitorSettings s,
      boolean createIfMissing)
      throws PlatformException {
    String body = Bodies.autoscaler(c.namespace(), name, deployment, app, c.placement(), s);
    var hpas = c.client().autoscaling().v2().horizontalPodAutoscalers().inNamespace(c.namespace());
    try {
      hpas.withName(name).patch(serverSideApply(forceConflicts), body);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 || !createIfMissing) {
        throw c.error("the HorizontalPodAutoscaler " + name, e);
      }
      // an API server that does not create on apply (the API allows it); create it instead
      try {
        HorizontalPodAutoscaler hpa =
            c.client().getKubernetesSerialization().unmarshal(body, HorizontalPodAutoscaler.class);
        hpas.resource(hpa).create();
      } catch (KubernetesClientException again) {
        throw c.error("the HorizontalPodAutoscaler " + name, again);
      }
    }
  }

  /** Deletes web's HPA, unless another manager (Helm, Argo CD) owns it and nobody said force. */
  void delete(Cluster c, String name) throws PlatformException {
    var hpa =
        c.client()
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(c.namespace())
            .withName(name);
    try {
      HorizontalPodAutoscaler live = hpa.get();
      if (live == null) {
        return;
      }
      FieldManagers.checkDelete(
          "the HorizontalPodAutoscaler " + name,
          live.getMetadata().getManagedFields(),
          forceConflicts);
      hpa.delete();
    } catch (KubernetesClientException e) {
      throw c.error("the HorizontalPodAutoscaler " + name, e);
    }
  }

  /** A server-side apply as formation's field manager, forcing only when the user said so. */
  static PatchContext serverSideApply(boolean force) {
    PatchContext ctx = PatchContext.of(PatchType.SERVER_SIDE_APPLY);
    ctx.setFieldManager(KubernetesPlatform.FIELD_MANAGER);
    ctx.setForce(force);
    return ctx;
  }
}
