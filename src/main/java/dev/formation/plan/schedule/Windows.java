package dev.formation.plan.schedule;

import dev.formation.config.AppSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates schedules at a moment. Pure and stateless; every method takes the moment it is asked
 * about.
 */
public final class Windows {
  /** How far around a moment occurrences are looked for: windows repeat every week. */
  private static final Duration WEEK = Duration.ofDays(7);

  private Windows() {}

  /**
   * The first instant at which the clock in {@code zone} reads {@code local} or later: the instant
   * itself; in a daylight-saving gap, the instant the clock jumps past it; in an overlap, the first
   * of the two instants.
   */
  public static Instant firstAtOrAfter(LocalDateTime local, ZoneId zone) {
    ZoneOffsetTransition t = zone.getRules().getTransition(local);
    if (t != null && t.isGap()) {
      return t.getInstant();
    }
    return local.atZone(zone).toInstant();
  }

  /** Every non-empty occurrence of {@code windows} that overlaps {@code [from, to)}, by start. */
  public static List<Occurrence> occurrences(
      List<WindowSpec> windows, ZoneId zone, Instant from, Instant to) {
    List<Occurrence> found = new ArrayList<>();
    LocalDate first = from.atZone(zone).toLocalDate().minusDays(2);
    LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      for (WindowSpec w : windows) {
        if (!w.days().contains(day.getDayOfWeek())) {
          continue;
        }
        Instant start = firstAtOrAfter(day.atTime(time(w.fromMinute())), zone);
        LocalDate endDay =
            w.crossesMidnight() || w.toMinute() == WindowSpec.DAY ? day.plusDays(1) : day;
        Instant end = firstAtOrAfter(endDay.atTime(time(w.toMinute() % WindowSpec.DAY)), zone);
        if (end.isAfter(start) && end.isAfter(from) && start.isBefore(to)) {
          found.add(new Occurrence(w, start, end));
        }
      }
    }
    found.sort(Comparator.comparing(Occurrence::start));
    return found;
  }

  /** What of {@code p}'s schedule is in force at {@code t}, in the app's zone. */
  public static InForce at(ProcessSpec p, ZoneId zone, Instant t) {
    return at(p.schedule(), zone, t);
  }

  public static InForce at(List<WindowSpec> windows, ZoneId zone, Instant t) {
    Instant lo = t.minus(WEEK).minus(Duration.ofDays(1));
    Instant hi = t.plus(WEEK).plus(Duration.ofDays(1));
    List<Occurrence> all = occurrences(windows, zone, lo, hi);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).contains(t)) {
        return inWindow(all, i, t);
      }
    }
    Instant since = null;
    Occurrence next = null;
    for (Occurrence o : all) {
      if (!o.end().isAfter(t)) {
        since = since == null || o.end().isAfter(since) ? o.end() : since;
      } else if (o.start().isAfter(t) && (next == null || o.start().isBefore(next.start()))) {
        next = o;
      }
    }
    return new InForce(null, since, next == null ? null : next.start(), window(next));
  }

  /**
   * The occurrence at {@code i} with the same window's occurrences that touch it on either side.
   */
  private static InForce inWindow(List<Occurrence> all, int i, Instant t) {
    WindowSpec w = all.get(i).window();
    Instant since = all.get(i).start();
    Instant until = all.get(i).end();
    for (int j = i - 1;
        j >= 0 && all.get(j).window().equals(w) && all.get(j).end().equals(since);
        j--) {
      since = all.get(j).start();
    }
    WindowSpec next = null;
    for (Occurrence o : all.subList(i + 1, all.size())) {
      if (!o.start().equals(until)) {
        break;
      }
      if (!o.window().equals(w)) {
        next = o.window();
        break;
      }
      until = o.end();
    }
    boolean always = !since.isAfter(t.minus(WEEK)) || !until.isBefore(t.plus(WEEK));
    return always ? new InForce(w, null, null, null) : new InForce(w, since, until, next);
  }

  /**
   * The type as it is at {@code t}: inside a window, the window's quantity or autoscale band in
   * place of its own (an autoscaled type keeps its starting quantity only where it lies inside the
   * window's band); the size never changes.
   */
  public static ProcessSpec effective(ProcessSpec p, WindowSpec w) {
    if (w == null) {
      return p;
    }
    if (w.autoscale() != null) {
      Integer start =
          p.quantity() != null && w.autoscale().contains(p.quantity()) ? p.quantity() : null;
      return new ProcessSpec(p.type(), p.size(), start, w.autoscale(), p.at(), p.schedule());
    }
    return new ProcessSpec(p.type(), p.size(), w.quantity(), null, p.at(), p.schedule());
  }

  /** The app as it is at {@code t}: each type {@link #effective} with its window in force. */
  public static AppSpec resolve(AppSpec app, Instant t) {
    if (!app.scheduled()) {
      return app;
    }
    List<ProcessSpec> now = new ArrayList<>();
    for (ProcessSpec p : app.processes()) {
      now.add(p.scheduled() ? effective(p, at(p, app.timezone(), t).window()) : p);
    }
    return app.withProcesses(now);
  }

  /**
   * Every moment in {@code [from, to)} at which what is in force changes, starting with {@code
   * from} itself: each entry is a moment and the window (or {@code null}, base) in force from then.
   */
  public static List<Change> timeline(ProcessSpec p, ZoneId zone, Instant from, Instant to) {
    // at each instant, what comes into force: a window that starts then, else base
    java.util.TreeMap<Instant, WindowSpec> cuts = new java.util.TreeMap<>();
    for (Occurrence o : occurrences(p.schedule(), zone, from, to)) {
      if (o.end().isBefore(to)) {
        cuts.putIfAbsent(o.end(), null);
      }
      if (o.start().isAfter(from)) {
        cuts.put(o.start(), o.window());
      }
    }
    List<Change> out = new ArrayList<>();
    out.add(new Change(from, at(p, zone, from).window()));
    cuts.forEach(
        (at, w) -> {
          if (!sameWindow(out.get(out.size() - 1).window(), w)) {
            out.add(new Change(at, w));
          }
        });
    return out;
  }

  /** From {@code at} on, this window ({@code null}: base) is in force. */
  public record Change(Instant at, WindowSpec window) {}

  private static boolean sameWindow(WindowSpec a, WindowSpec b) {
    return a == null ? b == null : a.equals(b);
  }

  private static WindowSpec window(Occurrence o) {
    return o == null ? null : o.window();
  }

  private static LocalTime time(int minute) {
    return LocalTime.of(minute / 60, minute % 60);
  }
}
