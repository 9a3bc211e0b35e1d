package dev.formation.config;

import dev.formation.config.yaml.YNode;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads when a window is in force: its {@code days}, {@code from} and {@code to}. */
final class WindowWhen {
  private static final Pattern CLOCK = Pattern.compile("(\\d{2}):(\\d{2})");

  private final FieldReader read;
  private final Diagnostics diags;

  WindowWhen(FieldReader read) {
    this.read = read;
    this.diags = read.diags();
  }

  /** "in window `batch` of process `worker` (app `shop`)", or the list position without a name. */
  static String place(TreePath at, String name) {
    if (name == null) {
      return Places.in(at);
    }
    return "in window `" + name + "` of process `" + at.name(3) + "` (app `" + at.name(1) + "`)";
  }

  DaySpec.Parsed days(YNode node, TreePath at, String place) {
    String text = read.string(node, at);
    if (text == null) {
      return null;
    }
    DaySpec.Parsed parsed = DaySpec.parse(text);
    if (parsed.problem() != null) {
      diags.error(Code.FM071, parsed.problem() + " " + place, node.range(), parsed.hint());
      return null;
    }
    return parsed;
  }

  /** Minutes after midnight of an {@code HH:MM} time; {@code 24:00} only as an end. */
  Integer clock(YNode node, TreePath at, boolean end, String place) {
    String text = read.string(node, at);
    if (text == null) {
      return null;
    }
    Matcher m = CLOCK.matcher(text.trim());
    String key = at.last();
    if (!m.matches()) {
      String hint =
          text.trim().matches("\\d:\\d{2}")
              ? "write two digits for the hour: `\"0" + text.trim() + "\"`"
              : "write a local time as HH:MM in quotes, e.g. `" + key + ": \"08:00\"`";
      return clockError(
          "`" + key + "` " + place + " is `" + text + "`, not a time of day as HH:MM", node, hint);
    }
    int hours = Integer.parseInt(m.group(1));
    int minutes = Integer.parseInt(m.group(2));
    if (hours == 24 && minutes == 0) {
      if (end) {
        return WindowSpec.DAY;
      }
      return clockError(
          "`from` " + place + " is 24:00; a window starts at 23:59 at the latest",
          node,
          "a window that starts at midnight has `from: \"00:00\"`");
    }
    if (hours > 23 || minutes > 59) {
      return clockError(
          "`" + key + "` " + place + " is `" + text + "`, which is no time of day",
          node,
          "hours run from 00 to 23, minutes from 00 to 59; `to: \"24:00\"` ends a window at midnight");
    }
    return hours * 60 + minutes;
  }

  private Integer clockError(String message, YNode node, String hint) {
    diags.error(Code.FM072, message, node.range(), hint);
    return null;
  }
}
