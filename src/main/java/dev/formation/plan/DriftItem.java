package dev.formation.plan;

import java.time.Instant;

/**
 * One difference between the live platform and the config.
 *
 * @param type the process type, or {@code null} for the app as a whole (unreadable)
 * @param expected what the config says, in words ({@code Standard-2X ×3}); empty when nothing
 * @param actual what the platform runs, in words
 * @param changedAt when the platform last changed the type, or {@code null} if unknown
 */
public record DriftItem(
    String app,
    String type,
    Kind kind,
    Severity severity,
    String message,
    String expected,
    String actual,
    Instant changedAt) {

  /** What drifted. */
  public enum Kind {
    QUANTITY,
    SIZE,
    AUTOSCALE,
    VANISHED,
    UNMANAGED,
    UNREADABLE,
    /** A local app registered elsewhere, on another port, with other commands, or not at all. */
    REGISTRATION
  }

  /** Whether the drift is a hand change to look at or the platform doing its job. */
  public enum Severity {
    UNEXPECTED,
    EXPECTED
  }

  public boolean unexpected() {
    return severity == Severity.UNEXPECTED;
  }
}
