package dev.formation.apply;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.util.Optional;

/**
 * Whether a re-read app shows a write as done: how apply tells, after a write whose answer was
 * lost, whether the platform carried it out.
 */
final class WriteEffects {
  private WriteEffects() {}

  static boolean visible(Write write, Target target, LiveApp now) {
    if (write instanceof Write.Setup s) {
      return s.at().shownBy(now);
    }
    if (write instanceof Write.UpdateFormation u) {
      return u.updates().stream().allMatch(update -> shows(now, update));
    }
    if (write instanceof Write.CreateMonitor c) {
      return holds(now.monitor(), c.settings());
    }
    if (write instanceof Write.UpdateMonitor u) {
      return now.monitor() != null
          && now.monitor().id().equals(u.monitorId())
          && holds(now.monitor(), u.settings());
    }
    Write.DisableMonitor d = (Write.DisableMonitor) write;
    LiveMonitor m = now.monitor();
    return m == null || (m.id().equals(d.monitorId()) && !m.active());
  }

  private static boolean shows(LiveApp now, FormationUpdate update) {
    Optional<LiveProcess> p = now.process(update.type());
    return p.isPresent()
        && (update.quantity() == null || p.get().quantity() == update.quantity())
        && (update.size() == null || update.size().equalsIgnoreCase(p.get().size()));
  }

  private static boolean holds(LiveMonitor m, MonitorSettings s) {
    return m != null
        && m.active()
        && m.min() == s.min()
        && m.max() == s.max()
        && m.p95Ms() == s.p95Ms()
        && m.notifyApp() == s.notifyApp();
  }
}
