package dev.formation.platform.kubernetes;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.live.KubernetesPlacement;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformProvider;
import dev.formation.platform.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kubernetes ({@code platform: kubernetes}): Deployments on a cluster reached through a kubeconfig.
 * This class names no fabric8 type, so listing the providers does not load the cluster client; it
 * is loaded by {@link #open}, on the first Kubernetes app of an operation.
 */
public final class KubernetesProvider implements PlatformProvider {
  @Override
  public String word() {
    return "kubernetes";
  }

  @Override
  public String blockKey() {
    return "kubernetes";
  }

  /** A HorizontalPodAutoscaler clamps the count into its band as soon as it exists. */
  @Override
  public boolean autoscalerSetsTheCount() {
    return true;
  }

  /** A cluster has no tiers. */
  @Override
  public boolean enforcesTiers() {
    return false;
  }

  @Override
  public Platform open(PlatformContext context) {
    return new KubernetesPlatform(
        context.env(), context.home(), context.forceConflicts(), context.debug());
  }

  /** The default template and size map: every Deployment the template names. */
  @Override
  public Target importTarget(String app, ImportScope scope) {
    return new Target(app, this, null, discovery(scope.context(), scope.namespace()));
  }

  /** The placement of an app read without a config, in a context and namespace. */
  static KubernetesPlacement discovery(String context, String namespace) {
    Map<String, Resources> sizes = new LinkedHashMap<>();
    Catalog catalog = Catalog.standard();
    for (Size s : catalog.all()) {
      sizes.put(s.name(), catalog.kubernetes(s));
    }
    return new KubernetesPlacement(context, namespace, "{app}-{type}", null, null, sizes, null);
  }
}
