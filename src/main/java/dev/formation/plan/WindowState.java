package dev.formation.plan;

import dev.formation.config.WindowSpec;
import java.time.DayOfWeek;
import java.util.Set;
import java.util.TreeSet;

/**
 * One window as a version of the config declares it, for comparing two versions.
 *
 * @param days the days as written ({@code mon-fri})
 * @param from {@code 08:00}; {@code to} likewise, {@code 24:00} allowed
 * @param quantity the count inside the window, or {@code null} when it sets a band
 * @param autoscale the band inside the window, or {@code null}
 * @param weeklyMinutes how many wall-clock minutes of the week it is in force
 * @param dayKey the days as a set, so that {@code mon-fri} and {@code mon,tue,wed,thu,fri} compare
 *     equal
 */
public record WindowState(
    String days,
    String from,
    String to,
    Integer quantity,
    AutoscaleRule autoscale,
    int weeklyMinutes,
    Set<DayOfWeek> dayKey) {
  public WindowState {
    dayKey = Set.copyOf(new TreeSet<>(dayKey));
  }

  public static WindowState of(WindowSpec w) {
    return new WindowState(
        w.daysText(),
        WindowSpec.clock(w.fromMinute()),
        WindowSpec.clock(w.toMinute()),
        w.quantity(),
        w.autoscale() == null ? null : AutoscaleRule.of(w.autoscale()),
        w.weeklyMinutes(),
        w.days());
  }

  /** Whether both mean the same window, however the days are written. */
  public boolean sameAs(WindowState other) {
    return other != null
        && dayKey.equals(other.dayKey)
        && from.equals(other.from)
        && to.equals(other.to)
        && java.util.Objects.equals(quantity, other.quantity)
        && java.util.Objects.equals(autoscale, other.autoscale);
  }

  /** The share of the week the window is in force, in percent (one decimal). */
  public double weekPercent() {
    return Math.round(1000.0 * weeklyMinutes / WindowSpec.WEEK) / 10.0;
  }
}
