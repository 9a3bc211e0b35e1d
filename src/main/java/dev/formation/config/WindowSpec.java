package dev.formation.config;

import dev.formation.diag.SourceRange;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One window of a process type's {@code schedule}: on the listed days, from a local wall-clock time
 * to another, its {@code quantity} or {@code autoscale} replaces the type's own.
 *
 * @param days the days a window starts on (a window that crosses midnight ends on the next day)
 * @param daysText the days as written, normalised to lower case ({@code mon-fri})
 * @param fromMinute the start, in minutes after local midnight (0 to 1439)
 * @param toMinute the end, in minutes after local midnight (1 to 1440, 1440 being 24:00); at or
 *     before {@code fromMinute} the window crosses midnight
 * @param quantity the count inside the window, or {@code null} when it sets {@code autoscale}
 * @param autoscale the rule inside the window (its p95 and notify defaulted to the base rule's), or
 *     {@code null} when it sets {@code quantity}
 * @param at where the window is declared (its {@code name}, else the list item)
 */
public record WindowSpec(
    String name,
    Set<DayOfWeek> days,
    String daysText,
    int fromMinute,
    int toMinute,
    Integer quantity,
    AutoscaleSpec autoscale,
    SourceRange at) {
  /** Minutes in a day and in a week, the units of every window computation. */
  public static final int DAY = 24 * 60;

  public static final int WEEK = 7 * DAY;

  public WindowSpec {
    if (name == null || days == null || days.isEmpty()) {
      throw new IllegalArgumentException("a window needs a name and days");
    }
    if (fromMinute < 0 || fromMinute >= DAY || toMinute < 1 || toMinute > DAY) {
      throw new IllegalArgumentException("window " + name + " has times out of range");
    }
    if (fromMinute == toMinute) {
      throw new IllegalArgumentException("window " + name + " is empty");
    }
    if ((quantity == null) == (autoscale == null)) {
      throw new IllegalArgumentException("window " + name + " sets one of quantity or autoscale");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /** Whether the window ends on the day after it starts. */
  public boolean crossesMidnight() {
    return toMinute < fromMinute;
  }

  /** How long one occurrence lasts in wall-clock minutes. */
  public int lengthMinutes() {
    return crossesMidnight() ? DAY - fromMinute + toMinute : toMinute - fromMinute;
  }

  /** The wall-clock minutes of a week the window is in force. */
  public int weeklyMinutes() {
    return days.size() * lengthMinutes();
  }

  /** The largest count the window lets the type run: the quantity, or the autoscale max. */
  public int countAtMost() {
    return autoscale != null ? autoscale.max() : quantity;
  }

  /**
   * The window's occurrences in a week counted in minutes from Monday 00:00, each {@code [start,
   * end)}; an occurrence that runs past Sunday midnight is split in two, the rest at the week's
   * start.
   */
  public List<int[]> weekIntervals() {
    List<int[]> spans = new ArrayList<>();
    for (DayOfWeek day : EnumSet.copyOf(days)) {
      int start = (day.getValue() - 1) * DAY + fromMinute;
      int end = start + lengthMinutes();
      if (end <= WEEK) {
        spans.add(new int[] {start, end});
      } else {
        spans.add(new int[] {start, WEEK});
        spans.add(new int[] {0, end - WEEK});
      }
    }
    return spans;
  }

  /** {@code 08:00}, {@code 24:00}: a minute of the day as the file writes it. */
  public static String clock(int minute) {
    return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
  }

  /** {@code mon-fri 08:00–19:00}: when the window is in force, in words every output uses. */
  public String when() {
    return daysText + " " + clock(fromMinute) + "–" + clock(toMinute);
  }
}
