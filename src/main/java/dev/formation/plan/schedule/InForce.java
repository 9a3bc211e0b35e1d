package dev.formation.plan.schedule;

import dev.formation.config.WindowSpec;
import java.time.Instant;

/**
 * What of a schedule is in force at a moment: a window, or the type's own values ("base").
 *
 * @param window the window in force, or {@code null} for base
 * @param since when it came into force; {@code null} when it has been in force all week
 * @param until when it goes out of force; {@code null} when it stays in force all week
 * @param next what comes into force at {@code until}: a window, or {@code null} for base
 */
public record InForce(WindowSpec window, Instant since, Instant until, WindowSpec next) {
  public boolean base() {
    return window == null;
  }

  /** The window's name, or {@code null} for base. */
  public String name() {
    return window == null ? null : window.name();
  }

  /** Whether this is still what is in force at {@code t}. */
  public boolean holdsAt(Instant t) {
    return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
  }
}
