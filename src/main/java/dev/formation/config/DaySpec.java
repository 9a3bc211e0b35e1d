package dev.formation.config;

import dev.formation.diag.DidYouMean;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code days} of a window: day names {@code mon} to {@code sun}, ranges ({@code mon-fri}, and
 * {@code fri-mon} across the weekend), lists ({@code mon,wed}), {@code daily} and {@code weekends}.
 */
final class DaySpec {
  static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final List<String> WORDS =
      List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun", "daily", "weekends");

  private DaySpec() {}

  /**
   * The days, or the reason they cannot be read.
   *
   * @param days {@code null} when {@code problem} says why
   * @param hint how to fix it, or {@code null}
   */
  record Parsed(Set<DayOfWeek> days, String normalised, String problem, String hint) {}

  static Parsed parse(String text) {
    String folded = text.trim().toLowerCase(Locale.ROOT);
    if (folded.isEmpty()) {
      return failed(
          "`days` is empty", "write e.g. `days: mon-fri`, `days: daily` or `days: sat,sun`");
    }
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    StringBuilder normalised = new StringBuilder();
    for (String raw : folded.split(",", -1)) {
      String part = raw.trim();
      if (part.isEmpty()) {
        return failed(
            "`days` has an empty item in `" + text + "`",
            "separate days with one comma: `mon,wed`");
      }
      if (part.equals("daily")) {
        days.addAll(EnumSet.allOf(DayOfWeek.class));
      } else if (part.equals("weekends")) {
        days.add(DayOfWeek.SATURDAY);
        days.add(DayOfWeek.SUNDAY);
      } else if (part.contains("-")) {
        String[] ends = part.split("-", -1);
        if (ends.length != 2) {
          return failed("`" + part + "` is not a day range", "a range is two days: `mon-fri`");
        }
        DayOfWeek first = day(ends[0].trim());
        DayOfWeek last = day(ends[1].trim());
        if (first == null || last == null) {
          return unknown(first == null ? ends[0].trim() : ends[1].trim());
        }
        for (DayOfWeek d = first; ; d = d.plus(1)) {
          days.add(d);
          if (d == last) {
            break;
          }
        }
      } else {
        DayOfWeek d = day(part);
        if (d == null) {
          return unknown(part);
        }
        days.add(d);
      }
      normalised.append(normalised.length() == 0 ? "" : ",").append(part.replaceAll("\\s+", ""));
    }
    return new Parsed(days, normalised.toString(), null, null);
  }

  private static DayOfWeek day(String word) {
    int i = NAMES.indexOf(word);
    return i < 0 ? null : DayOfWeek.of(i + 1);
  }

  private static Parsed unknown(String word) {
    String hint = null;
    if (word.length() > 3 && NAMES.contains(word.substring(0, 3))) {
      hint = "write the day's first three letters: `" + word.substring(0, 3) + "`";
    } else if (word.equals("weekdays") || word.equals("workdays")) {
      hint = "did you mean `mon-fri`?";
    } else {
      hint = DidYouMean.didYouMean(word, WORDS);
    }
    if (hint == null) {
      hint =
          "days are mon, tue, wed, thu, fri, sat, sun, ranges such as mon-fri, daily or weekends";
    }
    return failed("unknown day `" + word + "` in `days`", hint);
  }

  private static Parsed failed(String problem, String hint) {
    return new Parsed(null, null, problem, hint);
  }
}
