package dev.formation.plan;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.config.AppSpec;
import dev.formation.config.KubernetesSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.live.KubernetesPlacement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Kubernetes app's placement as its config gives it: what the adapter and a saved plan need. */
public final class Placements {
  private Placements() {}

  /**
   * The placement of apps read without a config ({@code import}): the default template and size
   * map, every Deployment the template names.
   */
  public static KubernetesPlacement discovery(String context, String namespace) {
    Map<String, Resources> sizes = new LinkedHashMap<>();
    Catalog catalog = Catalog.standard();
    for (Size s : catalog.all()) {
      sizes.put(s.name(), catalog.kubernetes(s));
    }
    return new KubernetesPlacement(
        context, namespace, KubernetesSpec.DEFAULT_TEMPLATE, null, null, sizes, null);
  }

  /** The placement of {@code app}, or {@code null} when it is not a Kubernetes app. */
  public static KubernetesPlacement of(AppSpec app) {
    KubernetesSpec k = app.kubernetes();
    if (k == null) {
      return null;
    }
    Map<String, String> types = new LinkedHashMap<>();
    for (ProcessSpec p : app.processes()) {
      types.put(p.type(), p.size().name());
    }
    return new KubernetesPlacement(
        k.context(), k.namespace(), k.deployment(), k.container(), k.p95Metric(), k.sizes(), types);
  }
}
