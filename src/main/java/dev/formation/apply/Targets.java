package dev.formation.apply;

import dev.formation.config.AppSpec;
import dev.formation.config.LocalSpec;
import dev.formation.live.KubernetesPlacement;
import dev.formation.live.LocalRegistration;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Placements;
import dev.formation.platform.Target;

/** The platform's view of an app of the config or of a plan. */
public final class Targets {
  private Targets() {}

  public static Target of(AppSpec app) {
    LocalSpec l = app.local();
    LocalRegistration local =
        l == null ? null : new LocalRegistration(l.dir(), l.port(), l.procfile());
    return new Target(app.name(), app.platform(), local, Placements.of(app));
  }

  /**
   * A planned app; a Kubernetes app is pinned to the context and namespace it was read from, so a
   * saved plan is never applied to another cluster because the current context moved.
   */
  public static Target of(AppPlan app) {
    KubernetesPlacement k = app.kubernetes();
    if (k != null && app.live() != null && app.live().cluster() != null) {
      k = k.at(app.live().cluster());
    }
    return new Target(app.app(), app.platform(), app.local(), k);
  }
}
