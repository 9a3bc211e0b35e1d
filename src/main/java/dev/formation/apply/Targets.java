package dev.formation.apply;

import dev.formation.config.AppSpec;
import dev.formation.live.Placement;
import dev.formation.plan.AppPlan;
import dev.formation.platform.Target;

/** The platform's view of an app of the config or of a plan. */
public final class Targets {
  private Targets() {}

  public static Target of(AppSpec app) {
    return new Target(app.name(), app.platform(), app.placement());
  }

  /**
   * A planned app, pinned to where it was read (a cluster app to the context and namespace it was
   * read from), so a saved plan is never applied elsewhere because the current context moved.
   */
  public static Target of(AppPlan app) {
    Placement p = app.placement();
    if (p != null && app.live() != null && app.live().placement() != null) {
      p = p.at(app.live().placement());
    }
    return new Target(app.app(), app.platform(), p);
  }
}
