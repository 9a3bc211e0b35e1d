package dev.formation.apply;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.plan.AutoscaleRule;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.util.List;

/** Carrying out one write, with the one recovery the monitors API needs. */
final class MonitorWrites {
  private MonitorWrites() {}

  static MonitorSettings settings(AutoscaleRule r) {
    return new MonitorSettings(r.min(), r.max(), r.p95Ms(), r.notifyApp());
  }

  /**
   * Carries out {@code write}. A create that meets an existing scale monitor (409: the plan could
   * not see it, because web was on a size without autoscaling when it was read) updates that
   * monitor instead, and says so in {@code notes}.
   */
  static LiveApp run(
      Platform platform, Target target, LiveApp state, Write write, List<String> notes)
      throws PlatformException {
    if (!(write instanceof Write.CreateMonitor create)) {
      return platform.apply(target, state, write);
    }
    try {
      return platform.apply(target, state, write);
    } catch (PlatformException e) {
      if (e.status() != 409) {
        throw e;
      }
      LiveApp reread = platform.read(target);
      LiveMonitor existing = reread.monitor();
      if (existing == null) {
        throw e;
      }
      LiveApp after =
          platform.apply(target, reread, new Write.UpdateMonitor(existing.id(), create.settings()));
      notes.add("an existing web autoscaler was found and updated instead of created");
      return after;
    }
  }
}
