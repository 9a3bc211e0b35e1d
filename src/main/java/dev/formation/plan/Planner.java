package dev.formation.plan;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveApp;
import dev.formation.plan.schedule.Windows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the desired formation with the live one and says what apply would do. Pure: it reads
 * nothing and changes nothing, and the moment schedules are evaluated for is an input, so the same
 * inputs always give the same plan.
 */
public final class Planner {
  private final Catalog catalog;

  public Planner(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Plans every app of {@code desired}, in config order, as it is at {@code at}: each scheduled
   * type with the window in force then (or its own values).
   *
   * @param live each app's live state by app name; an app absent here could not be read
   * @param readErrors why an app could not be read, by app name
   */
  public Plan plan(
      Formation desired, Map<String, LiveApp> live, Map<String, String> readErrors, Instant at) {
    return plan(desired, live, readErrors, at, Map.of());
  }

  /**
   * {@link #plan(Formation, Map, Map, Instant)}, taking the plan of an app from {@code planned}
   * where it is there already: {@link #planApp(AppSpec, LiveApp, Instant)} of the same live state
   * and moment, made while other apps were still being read.
   */
  public Plan plan(
      Formation desired,
      Map<String, LiveApp> live,
      Map<String, String> readErrors,
      Instant at,
      Map<String, AppPlan> planned) {
    List<AppPlan> apps = new ArrayList<>();
    for (AppSpec spec : desired.apps()) {
      LiveApp app = live.get(spec.name());
      AppPlan ready = app == null ? null : planned.get(spec.name());
      if (ready != null) {
        apps.add(ready);
        continue;
      }
      if (app == null) {
        String why = readErrors.getOrDefault(spec.name(), "the live state was not read");
        AppSchedule s = schedule(spec, at, List.of());
        // its cost is unknown and not counted, with schedules or without
        apps.add(
            unreadable(spec, why)
                .withSchedule(s == null ? null : new AppSchedule(s.types(), CostRange.ZERO)));
      } else {
        apps.add(planApp(spec, app, at));
      }
    }
    return new Plan(apps, at);
  }

  /**
   * Plans a formation without schedules; one with windows needs the moment ({@link #plan(Formation,
   * Map, Map, Instant)}).
   */
  public Plan plan(Formation desired, Map<String, LiveApp> live, Map<String, String> readErrors) {
    if (desired.apps().stream().anyMatch(AppSpec::scheduled)) {
      throw new IllegalArgumentException("a formation with schedules is planned for a moment");
    }
    return plan(desired, live, readErrors, null);
  }

  /** Plans one app against its live state, as it is at {@code at}. */
  public AppPlan planApp(AppSpec spec, LiveApp live, Instant at) {
    if (!spec.scheduled()) {
      return new AppPlanner(catalog, spec, live).plan();
    }
    AppPlan plan = new AppPlanner(catalog, Windows.resolve(spec, at), live).plan();
    return plan.withSchedule(schedule(spec, at, plan.unmanaged()));
  }

  /** Plans one app without schedules against its live state. */
  public AppPlan planApp(AppSpec spec, LiveApp live) {
    if (spec.scheduled()) {
      throw new IllegalArgumentException(spec.name() + " has schedules; plan it for a moment");
    }
    return planApp(spec, live, null);
  }

  /** What is in force for each scheduled type at {@code at}, and the app's weighted estimate. */
  private static AppSchedule schedule(AppSpec spec, Instant at, List<UnmanagedProcess> unmanaged) {
    if (!spec.scheduled()) {
      return null;
    }
    List<TypeWindow> types = new ArrayList<>();
    for (ProcessSpec p : spec.processes()) {
      if (p.scheduled()) {
        types.add(
            TypeWindow.of(p.type(), Windows.at(p, spec.timezone(), at), spec.timezone().getId()));
      }
    }
    CostRange weighted = Costs.weighted(spec);
    for (UnmanagedProcess u : unmanaged) {
      weighted = weighted.plus(u.cost());
    }
    return new AppSchedule(types, weighted);
  }

  /** The plan of an app whose live state could not be read: an error, no changes, no cost. */
  public static AppPlan unreadable(AppSpec spec, String error) {
    return unreadable(spec, PlanErrors.unread(spec.name(), error));
  }

  /**
   * The plan of an app its platform refused to read or plan with an error of its own (a router port
   * another program holds, a token too weak to send): that error, no changes, no cost.
   */
  public static AppPlan unreadable(AppSpec spec, Diagnostic error) {
    if (!error.isError()) {
      throw new IllegalArgumentException("an app is kept out of a plan by an error");
    }
    return new AppPlan(
        spec.name(),
        spec.platform(),
        null,
        List.of(),
        List.of(),
        List.of(error),
        List.of("the cost of " + spec.name() + " is unknown and not counted"),
        null,
        CostRange.ZERO,
        CostRange.ZERO,
        spec.placement());
  }
}
