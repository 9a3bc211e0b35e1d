package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.live.Placement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies the differences between the live platform and the config as unexpected (a hand change)
 * or expected (an autoscaler or an unmanaged type doing its job). Pure: the caller reads the
 * platform and passes a clock.
 *
 * <p>An autoscaled type's live count inside its band is not drift when the config gives no starting
 * {@code quantity}, and expected drift when it gives one the autoscaler has moved away from; it
 * never counts as unexpected, in line with the planner, which shows no change for it.
 */
public final class Drift {
  private Drift() {}

  /** The report of every app of {@code config}; an app missing from {@code live} is unreadable. */
  public static DriftReport classify(
      Formation config, Map<String, LiveApp> live, Map<String, String> readErrors, Clock clock) {
    return classify(config, live, readErrors, clock, null);
  }

  /**
   * As {@link #classify(Formation, Map, Map, Clock)}, each scheduled type compared with the window
   * in force at {@code at} (or its own values outside windows).
   *
   * @param at the moment to evaluate schedules for; {@code null} for the clock's
   */
  public static DriftReport classify(
      Formation config,
      Map<String, LiveApp> live,
      Map<String, String> readErrors,
      Clock clock,
      Instant at) {
    Instant moment = at != null ? at : clock.instant();
    List<DriftItem> items = new ArrayList<>();
    for (AppSpec app : config.apps()) {
      LiveApp now = live.get(app.name());
      if (now == null) {
        String why = readErrors.getOrDefault(app.name(), "the live state was not read");
        items.add(
            new DriftItem(
                app.name(),
                null,
                DriftItem.Kind.UNREADABLE,
                DriftItem.Severity.UNEXPECTED,
                "cannot read app " + app.name() + ": " + why,
                "",
                "",
                null));
      } else {
        items.addAll(app.scheduled() ? ScheduledDrift.of(app, now, moment) : app(app, now));
      }
    }
    List<String> apps = config.apps().stream().map(AppSpec::name).toList();
    boolean scheduled = config.apps().stream().anyMatch(AppSpec::scheduled);
    return new DriftReport(apps, items, clock.instant(), scheduled ? moment : null);
  }

  /** The drift of one readable app: listed types in config order, then live-only types. */
  public static List<DriftItem> app(AppSpec spec, LiveApp live) {
    List<DriftItem> items = new ArrayList<>();
    Placement want = spec.placement();
    if (want != null) {
      for (Placement.Difference d : want.differencesIn(live)) {
        items.add(
            item(
                spec,
                d.type(),
                DriftItem.Kind.REGISTRATION,
                DriftItem.Severity.UNEXPECTED,
                d.message(),
                d.expected(),
                d.actual(),
                null));
        if (d.whole()) {
          return items;
        }
      }
    }
    for (ProcessSpec desired : spec.processes()) {
      Optional<LiveProcess> now = live.process(desired.type());
      if (now.isEmpty()) {
        items.add(
            item(
                spec,
                desired.type(),
                DriftItem.Kind.VANISHED,
                DriftItem.Severity.UNEXPECTED,
                "process type `" + desired.type() + "` is no longer on the platform",
                ProcessText.desired(desired),
                "absent",
                null));
      } else {
        new TypeDrift(spec, desired, now.get(), live.monitor()).check(items);
      }
    }
    live.processes().stream()
        .filter(p -> spec.process(p.type()).isEmpty() && p.quantity() > 0)
        .sorted(Comparator.comparing(LiveProcess::type))
        .forEach(p -> items.add(unlisted(spec, p)));
    return items;
  }

  private static DriftItem unlisted(AppSpec spec, LiveProcess p) {
    if (spec.prune()) {
      return item(
          spec,
          p.type(),
          DriftItem.Kind.UNMANAGED,
          DriftItem.Severity.UNEXPECTED,
          "process type `" + p.type() + "` runs although the config prunes unlisted types",
          "0",
          ProcessText.live(p),
          p.updatedAt());
    }
    return item(
        spec,
        p.type(),
        DriftItem.Kind.UNMANAGED,
        DriftItem.Severity.EXPECTED,
        "process type `" + p.type() + "` is not in the config (unmanaged, `prune: false`)",
        "",
        ProcessText.live(p),
        p.updatedAt());
  }

  static DriftItem item(
      AppSpec spec,
      String type,
      DriftItem.Kind kind,
      DriftItem.Severity sev,
      String message,
      String expected,
      String actual,
      Instant at) {
    return new DriftItem(spec.name(), type, kind, sev, message, expected, actual, at);
  }
}
