package dev.formation.plan;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.live.LiveApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the desired formation with the live one and says what apply would do. Pure: it reads
 * nothing and changes nothing, so the same inputs always give the same plan.
 */
public final class Planner {
  private final Catalog catalog;

  public Planner(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Plans every app of {@code desired}, in config order.
   *
   * @param live each app's live state by app name; an app absent here could not be read
   * @param readErrors why an app could not be read, by app name
   */
  public Plan plan(Formation desired, Map<String, LiveApp> live, Map<String, String> readErrors) {
    List<AppPlan> apps = new ArrayList<>();
    for (AppSpec spec : desired.apps()) {
      LiveApp app = live.get(spec.name());
      if (app == null) {
        String why = readErrors.getOrDefault(spec.name(), "the live state was not read");
        apps.add(unreadable(spec, why));
      } else {
        apps.add(planApp(spec, app));
      }
    }
    return new Plan(apps);
  }

  /** Plans one app against its live state. */
  public AppPlan planApp(AppSpec spec, LiveApp live) {
    return new AppPlanner(catalog, spec, live).plan();
  }

  /** The plan of an app whose live state could not be read: an error, no changes, no cost. */
  public static AppPlan unreadable(AppSpec spec, String error) {
    return new AppPlan(
        spec.name(),
        spec.platform(),
        null,
        List.of(),
        List.of(),
        List.of("cannot read app " + spec.name() + ": " + error),
        List.of("the cost of " + spec.name() + " is unknown and not counted"),
        null,
        CostRange.ZERO,
        CostRange.ZERO,
        spec.local() == null ? null : Registrations.desired(spec.local()));
  }
}
