package dev.formation.autoscale;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durations of a queue rule as a file writes them: hours, minutes and seconds, each at most
 * once and in that order ({@code 30s}, {@code 5m}, {@code 1h}, {@code 1m30s}).
 */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?");

  private Durations() {}

  /**
   * The duration written, or {@code null} when it is not one ({@code ""}, {@code 5}, {@code 2d}).
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return null;
    }
    return Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
  }

  /** The shortest spelling {@link #parse} reads back: {@code 5m}, {@code 1h30m}, {@code 0s}. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a negative duration: " + d);
    }
    long s = d.getSeconds();
    if (s == 0) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    if (s / 3600 > 0) {
      b.append(s / 3600).append('h');
    }
    if (s % 3600 / 60 > 0) {
      b.append(s % 3600 / 60).append('m');
    }
    if (s % 60 > 0) {
      b.append(s % 60).append('s');
    }
    return b.toString();
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }
}
