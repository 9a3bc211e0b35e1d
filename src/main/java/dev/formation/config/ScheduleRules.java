package dev.formation.config;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Generation;
import dev.formation.catalog.Tier;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The schedule rules that look at more than one window: two windows of one type in force at once,
 * and the app's limits (dynos per app, eco dynos per app) at every moment of the week, that is for
 * every combination of windows that can be in force together. Moments are wall-clock minutes of the
 * week in the app's zone, as windows are written.
 */
final class ScheduleRules {
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

  /** Reports each pair of windows of {@code p} that meet; true when any did. */
  private boolean overlaps(Drafts.App app, Drafts.Process p) {
    boolean any = false;
    List<WindowSpec> ws = p.schedule();
    for (int j = 1; j < ws.size(); j++) {
      for (int i = 0; i < j; i++) {
        Integer minute = firstCommonMinute(ws.get(i), ws.get(j));
        if (minute != null) {
          any = true;
          diags.error(
              Code.FM075.name(),
              "windows `"
                  + ws.get(i).name()
                  + "` and `"
                  + ws.get(j).name()
                  + "` of process `"
                  + p.type()
                  + "` (app `"
                  + app.name()
                  + "`) are both in force "
                  + moment(minute, app)
                  + "; `"
                  + ws.get(i).name()
                  + "` is at "
                  + ws.get(i).at(),
              ws.get(j).at(),
              "one window of a type is in force at a time; change `days`, `from` or `to` so"
                  + " that they do not meet");
        }
      }
    }
    return any;
  }

  private static Integer firstCommonMinute(WindowSpec a, WindowSpec b) {
    Integer first = null;
    for (int[] x : a.weekIntervals()) {
      for (int[] y : b.weekIntervals()) {
        int start = Math.max(x[0], y[0]);
        if (start < Math.min(x[1], y[1]) && (first == null || start < first)) {
          first = start;
        }
      }
    }
    return first;
  }

  /**
   * Checks the app's totals in each stretch of the week during which the same windows are in force;
   * a limit the types' own values already break is reported once, by {@link AppRules}.
   */
  private void combinations(Drafts.App app) {
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0));
    for (Drafts.Process p : app.processes()) {
      for (WindowSpec w : p.schedule()) {
        for (int[] span : w.weekIntervals()) {
          cuts.add(span[0]);
          cuts.add(span[1] % WindowSpec.WEEK);
        }
      }
    }
    if (cuts.size() == 1) {
      return;
    }
    Totals base = totals(app, -1, new ArrayList<>());
    boolean totalReported = base.over(app.processes()) != null;
    boolean ecoReported = base.eco > Catalog.MAX_ECO_RUNNING_PER_APP;
    for (int minute : cuts) {
      List<String> active = new ArrayList<>();
      Totals t = totals(app, minute, active);
      if (active.isEmpty()) {
        continue;
      }
      if (!ecoReported && t.eco > Catalog.MAX_ECO_RUNNING_PER_APP) {
        ecoReported = true;
        report(
            app,
            minute,
            active,
            "runs " + t.eco + " eco dynos",
            "at most " + Catalog.MAX_ECO_RUNNING_PER_APP + " eco dynos run at once in one app");
      }
      Generation over = t.over(app.processes());
      if (!totalReported && over != null) {
        totalReported = true;
        report(
            app,
            minute,
            active,
            "runs up to " + t.total + " dynos",
            (over == Generation.FIR ? "Fir" : "Cedar")
                + " apps run at most "
                + over.maxDynosPerApp());
      }
    }
  }

  /** Reported at a window that opens at {@code minute}: the one that takes the app over. */
  private void report(Drafts.App app, int minute, List<String> active, String what, String limit) {
    WindowSpec first = window(app, active.get(0));
    for (String a : active) {
      WindowSpec w = window(app, a);
      if (w.weekIntervals().stream().anyMatch(s -> s[0] == minute)) {
        first = w;
        break;
      }
    }
    diags.error(
        Code.FM042.name(),
        "app `"
            + app.name()
            + "` "
            + what
            + " "
            + moment(minute, app)
            + ", when "
            + (active.size() == 1 ? "window " : "windows ")
            + String.join(", ", active.stream().map(a -> "`" + a + "`").toList())
            + (active.size() == 1 ? " is" : " are")
            + " in force; "
            + limit,
        first.at(),
        "windows count at their `quantity` or autoscale `max`; lower them, or move them apart");
  }

  /** The dynos of the app at a minute of the week ({@code -1}: no window), naming the windows. */
  private static Totals totals(Drafts.App app, int minute, List<String> active) {
    Totals t = new Totals();
    for (Drafts.Process p : app.processes()) {
      Integer count = p.countAtMost();
      for (WindowSpec w : p.schedule()) {
        if (minute >= 0 && covers(w, minute)) {
          count = w.countAtMost();
          active.add(p.type() + "/" + w.name());
        }
      }
      if (p.size() == null || count == null) {
        continue;
      }
      count = Math.min(count, p.size().maxPerType());
      t.total += count;
      if (p.size().tier() == Tier.ECO) {
        t.eco += count;
      }
    }
    return t;
  }

  private static boolean covers(WindowSpec w, int minute) {
    return w.weekIntervals().stream().anyMatch(s -> minute >= s[0] && minute < s[1]);
  }

  private static WindowSpec window(Drafts.App app, String typeAndName) {
    String type = typeAndName.substring(0, typeAndName.indexOf('/'));
    String name = typeAndName.substring(typeAndName.indexOf('/') + 1);
    return app.processes().stream()
        .filter(p -> p.type().equals(type))
        .flatMap(p -> p.schedule().stream())
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow();
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

  private static final class Totals {
    int total;
    int eco;

    /** The generation whose per-app limit the total breaks, or {@code null}. */
    Generation over(List<Drafts.Process> processes) {
      boolean allFir =
          processes.stream()
              .filter(p -> p.size() != null)
              .allMatch(p -> p.size().generation() == Generation.FIR);
      Generation g = allFir ? Generation.FIR : Generation.CEDAR;
      return total > g.maxDynosPerApp() ? g : null;
    }
  }
}
