package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KEDA objects of an app's queue-autoscaled types on its cluster: read back by process type,
 * written by server-side apply with formation's field manager, and deleted only when no other
 * manager owns them unless the user said {@code --force-conflicts}: the rules of {@link
 * Autoscalers}, for a ScaledObject instead of an HPA.
 */
final class Keda {
  static final String NOT_INSTALLED_CODE = "FM164";
  static final String OWNED_CODE = "FM165";

  /** The label KEDA puts on the HorizontalPodAutoscaler it makes for a ScaledObject. */
  private static final String SCALED_OBJECT_LABEL = "scaledobject.keda.sh/name";

  private static final ResourceDefinitionContext SCALED_OBJECTS = crd("ScaledObject");
  private static final ResourceDefinitionContext AUTHS = crd("TriggerAuthentication");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final boolean forceConflicts;

  Keda(boolean forceConflicts) {
    this.forceConflicts = forceConflicts;
  }

  /**
   * The app's scalers by process type, for the Deployments given ({@code name → type}); empty on a
   * cluster without KEDA.
   */
  Map<String, QueueScaler> read(Cluster c, Map<String, String> typeByDeployment)
      throws PlatformException {
    Map<String, QueueScaler> found = new LinkedHashMap<>();
    boolean needed = !c.placement().queues().isEmpty();
    List<JsonNode> objects = list(c, SCALED_OBJECTS, needed);
    Map<String, JsonNode> auths = null;
    for (JsonNode so : objects) {
      String type = typeByDeployment.get(KedaRead.target(so));
      if (type == null || found.containsKey(type)) {
        continue;
      }
      if (auths == null) {
        auths = new LinkedHashMap<>();
        for (JsonNode a : list(c, AUTHS, needed)) {
          auths.put(a.path("metadata").path("name").asString(""), a);
        }
      }
      found.put(type, KedaRead.scaler(so, auths));
    }
    return found;
  }

  /** The names of the Deployments some ScaledObject scales: KEDA owns their replicas. */
  Set<String> targets(Cluster c) throws PlatformException {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode so : list(c, SCALED_OBJECTS, false)) {
      String target = KedaRead.target(so);
      if (target != null) {
        names.add(target);
      }
    }
    return names;
  }

  /** Whether KEDA made this HPA for a ScaledObject (its owner, or KEDA's label on it). */
  static boolean owns(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler h) {
    var meta = h.getMetadata();
    if (meta == null) {
      return false;
    }
    if (meta.getLabels() != null && meta.getLabels().containsKey(SCALED_OBJECT_LABEL)) {
      return true;
    }
    return meta.getOwnerReferences() != null
        && meta.getOwnerReferences().stream().anyMatch(o -> "ScaledObject".equals(o.getKind()));
  }

  /** Writes a type's TriggerAuthentication, then its ScaledObject (which names it). */
  void apply(Cluster c, String app, String deployment, QueueScaler s) throws PlatformException {
    String ns = c.namespace();
    write(
        c,
        AUTHS,
        KedaBodies.authName(deployment),
        KedaBodies.triggerAuthentication(ns, deployment, app, s.rule().source()));
    write(c, SCALED_OBJECTS, deployment, KedaBodies.scaledObject(ns, deployment, app, s));
  }

  /**
   * Deletes a type's ScaledObject and formation's TriggerAuthentication of it, unless another
   * manager owns the ScaledObject and nobody said force.
   */
  void delete(Cluster c, String deployment) throws PlatformException {
    var so = c.client().genericKubernetesResources(SCALED_OBJECTS).inNamespace(c.namespace());
    var auth = c.client().genericKubernetesResources(AUTHS).inNamespace(c.namespace());
    try {
      GenericKubernetesResource live = so.withName(deployment).get();
      if (live != null) {
        FieldManagers.checkDelete(
            "the ScaledObject " + deployment,
            live.getMetadata().getManagedFields(),
            forceConflicts);
        so.withName(deployment).delete();
      }
      GenericKubernetesResource a = auth.withName(KedaBodies.authName(deployment)).get();
      if (a != null && FieldManagers.others(a.getMetadata().getManagedFields()).isEmpty()) {
        auth.withName(KedaBodies.authName(deployment)).delete();
      }
    } catch (KubernetesClientException e) {
      throw c.error("the ScaledObject " + deployment, e);
    }
  }

  /**
   * One server-side apply as formation's field manager, forcing only when the user said so: a PATCH
   * that creates the object when it is missing (fabric8's {@code patch} would read it first and
   * refuse a missing one, and a create would not name the field manager).
   */
  private void write(Cluster c, ResourceDefinitionContext kind, String name, String body)
      throws PlatformException {
    GenericKubernetesResource object =
        c.client().getKubernetesSerialization().unmarshal(body, GenericKubernetesResource.class);
    var resource =
        c.client()
            .genericKubernetesResources(kind)
            .inNamespace(c.namespace())
            .resource(object)
            .fieldManager(KubernetesPlatform.FIELD_MANAGER);
    try {
      (forceConflicts ? resource.forceConflicts() : resource).serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw notInstalled(c);
      }
      throw c.error("the " + kind.getKind() + " " + name, e);
    }
  }

  /**
   * Every object of a KEDA kind in the app's namespace: none on a cluster without KEDA, and none
   * when the user may not list them and the app has no queue rule (formation then reads the app as
   * it did before queue rules), else the API server's refusal.
   *
   * @param needed whether the app has queue rules, so that not seeing KEDA's objects is an error
   */
  private List<JsonNode> list(Cluster c, ResourceDefinitionContext kind, boolean needed)
      throws PlatformException {
    try {
      List<GenericKubernetesResource> items =
          c.client().genericKubernetesResources(kind).inNamespace(c.namespace()).list().getItems();
      return items.stream()
          .map(r -> JSON.readTree(c.client().getKubernetesSerialization().asJson(r)))
          .toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || (e.getCode() == 403 && !needed)) {
        return List.of(); // no KEDA on the cluster, or none this user may see and none needed
      }
      throw c.error("the " + kind.getPlural() + " in " + c.where(), e);
    }
  }

  private static PlatformException notInstalled(Cluster c) {
    return new PlatformException(
        "KEDA is not installed on the cluster of "
            + c.where()
            + ": its API has no "
            + KedaBodies.API_VERSION
            + " ScaledObject, which a queue rule needs; install KEDA, or give the type a quantity ["
            + NOT_INSTALLED_CODE
            + "]",
        404,
        "keda_not_installed",
        null);
  }

  private static ResourceDefinitionContext crd(String kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("keda.sh")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s")
        .withNamespaced(true)
        .build();
  }
}
