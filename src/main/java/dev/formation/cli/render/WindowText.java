package dev.formation.cli.render;

import dev.formation.plan.GuardrailBreach;
import dev.formation.plan.TypeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words for schedules and guardrails, shared by the text and markdown plans. */
final class WindowText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

  private WindowText() {}

  /**
   * {@code window business-hours until 19:00 America/New_York}, {@code base until Tue 08:00
   * Europe/Berlin (then business-hours)}: what is in force and until when, in the app's zone; the
   * day is named when it is not the day of {@code at}.
   */
  static String inForce(TypeWindow t, Instant at) {
    String label = t.label();
    if (t.until() == null) {
      return label + ", all week";
    }
    String until = "until " + when(t.until(), at, ZoneId.of(t.zone())) + " " + t.zone();
    String then = t.next() == null ? "" : " (then " + t.next() + ")";
    return label + " " + until + then;
  }

  /**
   * {@code 19:00} on the day of {@code at}, {@code Tue 04:00} within a week, else with the date.
   */
  static String when(Instant t, Instant at, ZoneId zone) {
    ZonedDateTime local = t.atZone(zone);
    if (at != null) {
      ZonedDateTime now = at.atZone(zone);
      if (local.toLocalDate().equals(now.toLocalDate())) {
        return TIME.format(local);
      }
      if (Duration.between(at, t).abs().compareTo(Duration.ofDays(6)) < 0) {
        return DAY_TIME.format(local);
      }
    }
    return DATE_TIME.format(local);
  }

  /** A breach, and for one let through, by which {@code --allow}. */
  static String breach(GuardrailBreach b) {
    return b.allowed() ? b.message() + " (allowed by --allow " + b.rule().key() + ")" : b.message();
  }
}
