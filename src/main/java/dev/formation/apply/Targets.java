package dev.formation.apply;

import dev.formation.config.AppSpec;
import dev.formation.config.LocalSpec;
import dev.formation.live.LocalRegistration;
import dev.formation.plan.AppPlan;
import dev.formation.platform.Target;

/** The platform's view of an app of the config or of a plan. */
public final class Targets {
  private Targets() {}

  public static Target of(AppSpec app) {
    LocalSpec l = app.local();
    LocalRegistration local =
        l == null ? null : new LocalRegistration(l.dir(), l.port(), l.procfile());
    return new Target(app.name(), app.platform(), local);
  }

  public static Target of(AppPlan app) {
    return new Target(app.app(), app.platform(), app.local());
  }
}
