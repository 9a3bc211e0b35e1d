package dev.formation.apply;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import java.util.Comparator;
import java.util.stream.Collectors;

/** What an app holds, in a few words for a report: {@code web Standard-1X ×2, worker …}. */
final class Holdings {
  private Holdings() {}

  static String of(LiveApp app) {
    if (app.processes().isEmpty()) {
      return app.placement() == null && app.id() == null
          ? "nothing (not registered)"
          : "no process types";
    }
    String processes =
        app.processes().stream()
            .sorted(Comparator.comparing(LiveProcess::type))
            .map(p -> p.type() + " " + p.size() + " ×" + p.quantity())
            .collect(Collectors.joining(", "));
    LiveMonitor m = app.monitor();
    if (m == null) {
      return processes;
    }
    return processes
        + ", web autoscaler "
        + (m.active() ? "on " : "off ")
        + dev.formation.plan.AutoscaleRule.of(m).describe();
  }
}
