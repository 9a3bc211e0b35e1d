package dev.formation.plan;

import dev.formation.plan.schedule.InForce;
import java.time.Instant;

/**
 * What of one process type's schedule a plan was made for: a window or the type's own values
 * ("base"), from when until when. A saved plan carries it, so that {@code apply FILE} can tell
 * whether it is still in force.
 *
 * @param window the window's name, or {@code null} for base
 * @param since when it came into force, or {@code null} when it has been all week
 * @param until when it goes out of force, or {@code null} when it stays all week
 * @param next the window that follows at {@code until}, or {@code null} for base
 * @param zone the app's zone (an IANA name), in which the plan shows the times
 */
public record TypeWindow(
    String type, String window, Instant since, Instant until, String next, String zone) {
  public TypeWindow {
    if (type == null || zone == null) {
      throw new IllegalArgumentException("a type window needs a type and a zone");
    }
  }

  static TypeWindow of(String type, InForce f, String zone) {
    return new TypeWindow(
        type, f.name(), f.since(), f.until(), f.next() == null ? null : f.next().name(), zone);
  }

  public boolean base() {
    return window == null;
  }

  /** Whether what the plan was made for is still in force at {@code t}. */
  public boolean holdsAt(Instant t) {
    return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
  }

  /** {@code window business-hours} or {@code base}. */
  public String label() {
    return window == null ? "base" : "window " + window;
  }
}
