package dev.formation.apply;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.MonitorChange;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import java.util.List;

/** Creating, updating and re-enabling the web scale monitor. */
final class MonitorWrites {
  private MonitorWrites() {}

  static MonitorSettings settings(AutoscaleRule r) {
    return new MonitorSettings(r.min(), r.max(), r.p95Ms(), r.notifyApp());
  }

  /**
   * Creates the monitor, or updates the existing one. A create that meets an existing scale monitor
   * (409: the plan could not see it, because web was on a size without autoscaling when it was
   * read) updates that monitor instead.
   */
  static void enableOrUpdate(
      Platform platform, Applier.AppliedState state, MonitorChange m, List<String> notes)
      throws PlatformException {
    MonitorSettings settings = settings(m.to());
    if (!m.createsMonitor()) {
      platform.updateMonitor(state.live, m.monitorId(), settings);
      return;
    }
    try {
      platform.createMonitor(state.live, settings);
    } catch (PlatformException e) {
      if (e.status() != 409) {
        throw e;
      }
      LiveApp reread = platform.read(state.live.name(), true);
      LiveMonitor existing = reread.monitor();
      if (existing == null) {
        throw e;
      }
      platform.updateMonitor(reread, existing.id(), settings);
      notes.add("an existing " + m.type() + " autoscaler was found and updated instead of created");
    }
  }
}
