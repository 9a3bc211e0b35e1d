package dev.formation.platform.kubernetes;

import dev.formation.catalog.Resources;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Kubernetes adapter (docs/kubernetes.md). A process type is a Deployment that already exists;
 * its count is the Deployment's replicas, written only through the scale subresource; its size is
 * the container's resources, and web's autoscaler a HorizontalPodAutoscaler {@code autoscaling/v2},
 * both written by server-side apply with field manager {@code formation}. Another manager's fields
 * are never taken silently: a conflict is an error naming the manager, unless {@code
 * --force-conflicts} said to take ownership.
 */
public final class KubernetesPlatform implements Platform {
  /** The field manager of every write. */
  public static final String FIELD_MANAGER = "formation";

  /** The label of Deployments that belong to an app without being named by the template. */
  public static final String PART_OF = "app.kubernetes.io/part-of";

  private static final String COMPONENT = "app.kubernetes.io/component";
  private static final Pattern TYPE = Pattern.compile("[-\\w]{1,128}");
  private static final String WEB = "web";

  private final KubeConfigs configs;
  private final boolean forceConflicts;
  private final ReadVersions versions = new ReadVersions();
  private final Autoscalers autoscalers;
  private final Keda keda;

  /**
   * @param env where {@code KUBECONFIG} is looked up
   * @param home where {@code ~/.kube/config} is looked up
   * @param forceConflicts take ownership of fields another manager owns ({@code --force-conflicts})
   * @param trace where {@code --debug} traces each request, or {@code null}
   * @param warn where warnings go (stderr): a cluster reached without TLS verification
   */
  public KubernetesPlatform(
      Map<String, String> env,
      Path home,
      boolean forceConflicts,
      Consumer<String> trace,
      Consumer<String> warn) {
    this(new KubeConfigs(env, home, trace, warn, ExecPlugin.DEADLINE), forceConflicts);
  }

  KubernetesPlatform(KubeConfigs configs, boolean forceConflicts) {
    this.configs = configs;
    this.forceConflicts = forceConflicts;
    this.autoscalers = new Autoscalers(forceConflicts);
    this.keda = new Keda(forceConflicts);
  }

  @Override
  public LiveApp read(Target target) throws PlatformException {
    Cluster c = cluster(target);
    Map<String, Deployment> found = deployments(c, target.app());
    if (found.isEmpty()) {
      throw new PlatformException(
          "app `"
              + target.app()
              + "` not found: no Deployment in "
              + c.where()
              + " is named by `"
              + c.placement().deployment()
              + "` for its process types or labelled "
              + PART_OF
              + "="
              + target.app(),
          404,
          "not_found",
          null);
    }
    List<LiveProcess> processes = new ArrayList<>();
    Map<String, String> typeByDeployment = new LinkedHashMap<>();
    for (Map.Entry<String, Deployment> e : found.entrySet()) {
      processes.add(Mapping.process(e.getKey(), e.getValue(), c.placement()));
      versions.remember(c.where(), e.getValue());
      typeByDeployment.put(e.getValue().getMetadata().getName(), e.getKey());
    }
    Map<String, QueueScaler> scalers = keda.read(c, typeByDeployment);
    Deployment web = found.get(WEB);
    LiveMonitor monitor = null;
    if (web != null) {
      monitor = autoscalerOf(c, web.getMetadata().getName()).map(Mapping::monitor).orElse(null);
    }
    boolean fir = processes.stream().anyMatch(p -> p.size().startsWith("dyno-"));
    return new LiveApp(
        target.app(),
        c.where().context() + "/" + c.where().namespace() + "/" + target.app(),
        fir ? "fir" : "cedar",
        processes,
        monitor,
        c.where().with(scalers));
  }

  @Override
  public LiveApp apply(Target target, LiveApp app, Write write) throws PlatformException {
    Cluster c = cluster(target);
    if (write instanceof Write.UpdateFormation u) {
      updateFormation(c, target.app(), u.updates());
    } else if (write instanceof Write.CreateMonitor w) {
      Deployment web = deployments(c, target.app()).get(WEB);
      if (web == null) {
        throw missing(c, target.app(), WEB);
      }
      String name = web.getMetadata().getName();
      autoscalers.apply(c, target.app(), name, name, w.settings(), true);
    } else if (write instanceof Write.UpdateMonitor w) {
      Deployment web = deployments(c, target.app()).get(WEB);
      String deployment =
          web == null
              ? c.placement().deploymentName(target.app(), WEB)
              : web.getMetadata().getName();
      autoscalers.apply(c, target.app(), w.monitorId(), deployment, w.settings(), false);
    } else if (write instanceof Write.DisableMonitor w) {
      autoscalers.delete(c, w.monitorId());
    } else if (write instanceof Write.Setup setup
        && setup.at() instanceof KubernetesPlacement wanted) {
      setUpScalers(c, target.app(), wanted);
    } else {
      throw new PlatformException(
          "app `" + target.app() + "` is on Kubernetes; only a local app is registered",
          422,
          "invalid_params",
          null);
    }
    return read(target);
  }

  /**
   * Writes the KEDA objects of every queue-autoscaled type, and deletes those of a listed type the
   * config no longer scales on a queue. A Deployment that formation's own HPA scales loses the HPA
   * first: KEDA scales it through an HPA of its own, and two would fight.
   */
  private void setUpScalers(Cluster c, String app, KubernetesPlacement wanted)
      throws PlatformException {
    Map<String, Deployment> found = deployments(c, app);
    Map<String, String> typeByDeployment = new LinkedHashMap<>();
    found.forEach((type, d) -> typeByDeployment.put(d.getMetadata().getName(), type));
    Map<String, QueueScaler> have = keda.read(c, typeByDeployment);
    for (Map.Entry<String, QueueScaler> e : wanted.queues().entrySet()) {
      Deployment d = found.get(e.getKey());
      if (d == null) {
        throw missing(c, app, e.getKey());
      }
      if (e.getValue().equals(have.get(e.getKey()))) {
        continue;
      }
      String name = d.getMetadata().getName();
      Optional<HorizontalPodAutoscaler> hpa = autoscalerOf(c, name);
      if (hpa.isPresent()) {
        autoscalers.delete(c, hpa.get().getMetadata().getName());
      }
      keda.apply(c, app, name, e.getValue());
    }
    for (String type : have.keySet()) {
      boolean listed = wanted.types() == null || wanted.types().containsKey(type);
      if (listed && !wanted.queues().containsKey(type)) {
        keda.delete(c, found.get(type).getMetadata().getName());
      }
    }
  }

  private void updateFormation(Cluster c, String app, List<FormationUpdate> updates)
      throws PlatformException {
    Map<String, Deployment> found = deployments(c, app);
    Set<String> scaledByHpa = new LinkedHashSet<>();
    for (HorizontalPodAutoscaler h : autoscalers(c)) {
      if (h.getSpec() != null && h.getSpec().getScaleTargetRef() != null) {
        scaledByHpa.add(h.getSpec().getScaleTargetRef().getName());
      }
    }
    Set<String> scaledByKeda = null;
    // every check before the first write, so a refused batch changes nothing
    Map<String, String> planned = new LinkedHashMap<>();
    for (FormationUpdate u : updates) {
      Deployment d = found.get(u.type());
      if (d == null) {
        throw missing(c, app, u.type());
      }
      if (u.size() != null) {
        resourcesOf(c, u.size());
        Mapping.container(d, c.placement());
      }
      if (u.quantity() != null && scaledByHpa.contains(d.getMetadata().getName())) {
        throw new PlatformException(
            "the replicas of Deployment "
                + d.getMetadata().getName()
                + " belong to its HorizontalPodAutoscaler; formation never writes them",
            409,
            "autoscaled",
            null);
      }
      if (u.quantity() != null) {
        if (scaledByKeda == null) {
          scaledByKeda = keda.targets(c);
        }
        if (scaledByKeda.contains(d.getMetadata().getName())) {
          throw new PlatformException(
              "the replicas of Deployment "
                  + d.getMetadata().getName()
                  + " belong to its KEDA ScaledObject; formation never writes them ["
                  + Keda.OWNED_CODE
                  + "]",
              409,
              "autoscaled",
              null);
        }
        planned.put(u.type(), versions.planned(c.where(), d));
      }
    }
    for (FormationUpdate u : updates) {
      Deployment d = found.get(u.type());
      String name = d.getMetadata().getName();
      if (u.size() != null) {
        String container = Mapping.container(d, c.placement()).getName();
        String body = Bodies.resources(c.namespace(), name, container, resourcesOf(c, u.size()));
        Deployment resized;
        try {
          resized =
              c.client()
                  .apps()
                  .deployments()
                  .inNamespace(c.namespace())
                  .withName(name)
                  .patch(Autoscalers.serverSideApply(forceConflicts), body);
        } catch (KubernetesClientException e) {
          throw c.error("the Deployment " + name, e);
        }
        if (planned.containsKey(u.type()) && resized != null) {
          // formation's own write moved the version: the scale is checked against that one
          planned.put(u.type(), resized.getMetadata().getResourceVersion());
        }
      }
      if (u.quantity() != null) {
        Scale.patch(c.connection(), c.namespace(), name, u.quantity(), planned.get(u.type()));
      }
    }
  }

  /**
   * The app's Deployments by process type: the template's name for each listed type (or, read
   * without a config, every Deployment the template names), then those labelled part of the app.
   */
  private Map<String, Deployment> deployments(Cluster c, String app) throws PlatformException {
    KubernetesPlacement p = c.placement();
    var all = c.client().apps().deployments().inNamespace(c.namespace());
    Map<String, Deployment> found = new LinkedHashMap<>();
    try {
      if (p.types() != null) {
        for (String type : p.types().keySet()) {
          Deployment d = all.withName(p.deploymentName(app, type)).get();
          if (d != null) {
            found.put(type, d);
          }
        }
      } else {
        for (Deployment d : all.list().getItems()) {
          String type = p.typeOf(app, d.getMetadata().getName());
          if (type != null && TYPE.matcher(type).matches()) {
            found.put(type, d);
          }
        }
      }
      Set<String> named = new LinkedHashSet<>();
      found.values().forEach(d -> named.add(d.getMetadata().getName()));
      for (Deployment d : all.withLabel(PART_OF, app).list().getItems()) {
        if (!named.contains(d.getMetadata().getName())) {
          found.putIfAbsent(labelledType(p, app, d), d);
        }
      }
    } catch (KubernetesClientException e) {
      throw c.error("the Deployments of `" + app + "` in " + c.where(), e);
    }
    return found;
  }

  private static String labelledType(KubernetesPlacement p, String app, Deployment d) {
    String name = d.getMetadata().getName();
    String byTemplate = p.typeOf(app, name);
    if (byTemplate != null && TYPE.matcher(byTemplate).matches()) {
      return byTemplate;
    }
    Map<String, String> labels = d.getMetadata().getLabels();
    String component = labels == null ? null : labels.get(COMPONENT);
    return component != null && TYPE.matcher(component).matches() ? component : name;
  }

  private static List<HorizontalPodAutoscaler> autoscalers(Cluster c) throws PlatformException {
    try {
      return c.client()
          .autoscaling()
          .v2()
          .horizontalPodAutoscalers()
          .inNamespace(c.namespace())
          .list()
          .getItems();
    } catch (KubernetesClientException e) {
      throw c.error("the HorizontalPodAutoscalers in " + c.where(), e);
    }
  }

  /** The HPA that scales this Deployment, if any; never the one KEDA made for a ScaledObject. */
  private static Optional<HorizontalPodAutoscaler> autoscalerOf(Cluster c, String deployment)
      throws PlatformException {
    return autoscalers(c).stream()
        .filter(h -> !Keda.owns(h))
        .filter(
            h ->
                h.getSpec() != null
                    && h.getSpec().getScaleTargetRef() != null
                    && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                    && deployment.equals(h.getSpec().getScaleTargetRef().getName()))
        .findFirst();
  }

  private static Resources resourcesOf(Cluster c, String size) throws PlatformException {
    for (Map.Entry<String, Resources> e : c.placement().sizes().entrySet()) {
      if (e.getKey().equalsIgnoreCase(size)) {
        return e.getValue();
      }
    }
    throw new PlatformException(
        "size `" + size + "` is not in the app's size map", 422, "invalid_params", null);
  }

  private static PlatformException missing(Cluster c, String app, String type) {
    return new PlatformException(
        "process type `"
            + type
            + "` of `"
            + app
            + "` has no Deployment `"
            + c.placement().deploymentName(app, type)
            + "` in "
            + c.where()
            + "; the deploy pipeline creates Deployments, formation only scales and sizes them",
        404,
        "not_found",
        null);
  }

  private Cluster cluster(Target target) throws PlatformException {
    KubernetesPlacement p =
        target.placement() instanceof KubernetesPlacement given
            ? given
            : KubernetesProvider.discovery(null, null);
    KubeConfigs.Connection connection = configs.connect(p.context());
    KubernetesLocation where = connection.location(p.namespace());
    return new Cluster(connection, where, p);
  }

  @Override
  public void close() {
    configs.close();
  }
}
