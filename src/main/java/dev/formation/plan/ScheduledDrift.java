package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import dev.formation.plan.schedule.InForce;
import dev.formation.plan.schedule.Windows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The drift of an app with schedules: each scheduled type is compared with what is in force at the
 * moment, and its items say which window. A type whose window (or base) came into force less than
 * {@link #GRACE} ago and that still runs as the one before is expected drift, not a hand change:
 * the timer job that applies windows (every 15 minutes) has not come round yet.
 */
final class ScheduledDrift {
  /** How long after a change of window a live state that matches the one before is expected. */
  static final Duration GRACE = Duration.ofMinutes(30);

  private ScheduledDrift() {}

  static List<DriftItem> of(AppSpec spec, LiveApp live, Instant at) {
    List<DriftItem> items = new ArrayList<>();
    for (DriftItem i : Drift.app(Windows.resolve(spec, at), live)) {
      ProcessSpec p = i.type() == null ? null : spec.process(i.type()).orElse(null);
      if (p == null || !p.scheduled()) {
        items.add(i);
        continue;
      }
      InForce now = Windows.at(p, spec.timezone(), at);
      String label = now.base() ? "base" : "window " + now.name();
      if (i.unexpected() && lagging(spec, p, live, now, at)) {
        items.add(
            with(
                i,
                DriftItem.Severity.EXPECTED,
                i.message()
                    + " ("
                    + label
                    + " in force since "
                    + now.since()
                    + "; the next apply carries it out)"));
      } else {
        items.add(
            now.base() ? i : with(i, i.severity(), i.message() + " (" + label + " in force)"));
      }
    }
    return items;
  }

  /** Whether {@code p} changed window within the grace and runs as before the change. */
  private static boolean lagging(
      AppSpec spec, ProcessSpec p, LiveApp live, InForce now, Instant at) {
    if (now.since() == null || now.since().isBefore(at.minus(GRACE))) {
      return false;
    }
    Instant before = now.since().minusSeconds(1);
    return Drift.app(Windows.resolve(spec, before), live).stream()
        .noneMatch(i -> p.type().equals(i.type()) && i.unexpected());
  }

  private static DriftItem with(DriftItem i, DriftItem.Severity severity, String message) {
    return new DriftItem(
        i.app(), i.type(), i.kind(), severity, message, i.expected(), i.actual(), i.changedAt());
  }
}
