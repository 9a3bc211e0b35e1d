package dev.formation.config;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Generation;
import dev.formation.catalog.Tier;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schedule rules that look at more than one window: two windows of one type in force at once,
 * and the app's limits (dynos per app, eco dynos per app) at every moment of the week, that is for
 * every combination of windows that can be in force together. Moments are wall-clock minutes of the
 * week in the app's zone, as windows are written. Both checks sweep the week once, so a file of
 * thousands of windows is checked in about as many steps.
 */
final class ScheduleRules {
  /** At most this many overlaps are reported per type: the rest say nothing new. */
  private static final int MAX_OVERLAPS_PER_TYPE = 10;

  private final Diagnostics diags;

  ScheduleRules(Diagnostics diags) {
    this.diags = diags;
  }

  void check(Drafts.App app) {
    boolean overlaps = false;
    for (Drafts.Process p : app.processes()) {
      overlaps |= overlaps(app, p);
    }
    if (!overlaps) {
      combinations(app);
    }
  }

  /** One stretch of the week a window is in force: {@code [start, end)} in minutes. */
  private record Span(int start, int end, WindowSpec window, int order) {}

  private static List<Span> spans(List<WindowSpec> windows) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      for (int[] s : windows.get(i).weekIntervals()) {
        spans.add(new Span(s[0], s[1], windows.get(i), i));
      }
    }
    spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::order));
    return spans;
  }

  /**
   * Reports windows of {@code p} that meet, each pair once at the first minute they share; true
   * when any did.
   */
  private boolean overlaps(Drafts.App app, Drafts.Process p) {
    Map<String, Integer> firstMinute = new java.util.LinkedHashMap<>();
    Map<String, WindowSpec[]> pairs = new HashMap<>();
    Span reaching = null;
    for (Span s : spans(p.schedule())) {
      if (reaching != null && s.start() < reaching.end() && reaching.window() != s.window()) {
        WindowSpec a = reaching.order() < s.order() ? reaching.window() : s.window();
        WindowSpec b = a == s.window() ? reaching.window() : s.window();
        String key = a.name() + "\u0000" + b.name();
        firstMinute.putIfAbsent(key, s.start());
        pairs.putIfAbsent(key, new WindowSpec[] {a, b});
      }
      if (reaching == null || s.end() > reaching.end()) {
        reaching = s;
      }
    }
    int reported = 0;
    for (Map.Entry<String, Integer> e : firstMinute.entrySet()) {
      if (reported++ == MAX_OVERLAPS_PER_TYPE) {
        break;
      }
      WindowSpec a = pairs.get(e.getKey())[0];
      WindowSpec b = pairs.get(e.getKey())[1];
      diags.error(
          Code.FM075,
          "windows `"
              + a.name()
              + "` and `"
              + b.name()
              + "` of process `"
              + p.type()
              + "` (app `"
              + app.name()
              + "`) are both in force "
              + moment(e.getValue(), app)
              + "; `"
              + a.name()
              + "` is at "
              + a.at(),
          b.at(),
          "one window of a type is in force at a time; change `days`, `from` or `to` so that"
              + " they do not meet");
    }
    return !firstMinute.isEmpty();
  }

  /** A window starting or ending at a minute of the week, for one type (by index). */
  private record Event(int minute, boolean start, int type, WindowSpec window) {}

  /**
   * Checks the app's totals in each stretch of the week during which the same windows are in force;
   * a limit the types' own values already break is reported once, by {@link AppRules}.
   */
  private void combinations(Drafts.App app) {
    List<Drafts.Process> types = app.processes();
    List<Event> events = new ArrayList<>();
    for (int t = 0; t < types.size(); t++) {
      for (WindowSpec w : types.get(t).schedule()) {
        for (int[] s : w.weekIntervals()) {
          events.add(new Event(s[0], true, t, w));
          if (s[1] < WindowSpec.WEEK) {
            events.add(new Event(s[1], false, t, w));
          }
        }
      }
    }
    if (events.isEmpty()) {
      return;
    }
    // ends before starts at the same minute: windows that touch are not in force together; an
    // occurrence across Sunday midnight is two spans, the second starting at minute 0
    events.sort(Comparator.comparingInt(Event::minute).thenComparing(Event::start));
    WindowSpec[] active = new WindowSpec[types.size()];
    Totals base = new Totals(types, active);
    boolean totalReported = base.over() != null;
    boolean ecoReported = base.eco > Catalog.MAX_ECO_RUNNING_PER_APP;
    int i = 0;
    while (i < events.size() && !(totalReported && ecoReported)) {
      int minute = events.get(i).minute();
      List<WindowSpec> opened = new ArrayList<>();
      for (; i < events.size() && events.get(i).minute() == minute; i++) {
        Event e = events.get(i);
        if (e.start()) {
          active[e.type()] = e.window();
          opened.add(e.window());
        } else if (active[e.type()] == e.window()) {
          active[e.type()] = null;
        }
      }
      if (opened.isEmpty()) {
        continue; // a window ending lowers the totals
      }
      Totals now = new Totals(types, active);
      if (!ecoReported && now.eco > Catalog.MAX_ECO_RUNNING_PER_APP) {
        ecoReported = true;
        report(
            app,
            minute,
            now,
            opened.get(0),
            "runs " + now.eco + " eco dynos",
            "at most " + Catalog.MAX_ECO_RUNNING_PER_APP + " eco dynos run at once in one app");
      }
      Generation over = now.over();
      if (!totalReported && over != null) {
        totalReported = true;
        report(
            app,
            minute,
            now,
            opened.get(0),
            "runs up to " + now.total + " dynos",
            (over == Generation.FIR ? "Fir" : "Cedar")
                + " apps run at most "
                + over.maxDynosPerApp());
      }
    }
  }

  private void report(
      Drafts.App app, int minute, Totals t, WindowSpec opened, String what, String limit) {
    List<String> names = t.activeNames();
    diags.error(
        Code.FM042,
        "app `"
            + app.name()
            + "` "
            + what
            + " "
            + moment(minute, app)
            + ", when "
            + (names.size() == 1 ? "window " : "windows ")
            + String.join(", ", names.stream().map(a -> "`" + a + "`").toList())
            + (names.size() == 1 ? " is" : " are")
            + " in force; "
            + limit,
        opened.at(),
        "windows count at their `quantity` or autoscale `max`; lower them, or move them apart");
  }

  /** {@code on Mondays at 09:00 (Europe/Berlin)}. */
  static String moment(int minuteOfWeek, Drafts.App app) {
    DayOfWeek day = DayOfWeek.of(minuteOfWeek / WindowSpec.DAY + 1);
    return "on "
        + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + "s at "
        + WindowSpec.clock(minuteOfWeek % WindowSpec.DAY)
        + " ("
        + app.zone().getId()
        + ")";
  }

  /** The app's dynos with these windows in force (one or none per type, by index). */
  private static final class Totals {
    private final List<Drafts.Process> types;
    private final WindowSpec[] active;
    int total;
    int eco;

    Totals(List<Drafts.Process> types, WindowSpec[] active) {
      this.types = types;
      this.active = active.clone();
      for (int t = 0; t < types.size(); t++) {
        Drafts.Process p = types.get(t);
        Integer count = this.active[t] != null ? this.active[t].countAtMost() : p.countAtMost();
        if (p.size() == null || count == null) {
          continue;
        }
        count = Math.min(count, p.size().maxPerType());
        total += count;
        if (p.size().tier() == Tier.ECO) {
          eco += count;
        }
      }
    }

    List<String> activeNames() {
      List<String> names = new ArrayList<>();
      for (int t = 0; t < types.size(); t++) {
        if (active[t] != null) {
          names.add(types.get(t).type() + "/" + active[t].name());
        }
      }
      return names;
    }

    /** The generation whose per-app limit the total breaks, or {@code null}. */
    Generation over() {
      boolean allFir =
          types.stream()
              .filter(p -> p.size() != null)
              .allMatch(p -> p.size().generation() == Generation.FIR);
      Generation g = allFir ? Generation.FIR : Generation.CEDAR;
      return total > g.maxDynosPerApp() ? g : null;
    }
  }
}
