package dev.formation.platform;

import dev.formation.live.Placement;
import java.util.List;

/**
 * One change an adapter makes to an app, as data: the applier decides which writes to make and in
 * which order (docs/plan.md), the adapter only carries each one out.
 */
public sealed interface Write {

  /**
   * Sets the app up where its placement says, all its setup steps at once (registers a local app,
   * or moves its registration, from its folder and router port).
   */
  record Setup(Placement at) implements Write {
    public Setup {
      if (at == null) {
        throw new IllegalArgumentException("a setup says where");
      }
    }
  }

  /** One batch formation update: absolute quantities and sizes of several types at once. */
  record UpdateFormation(List<FormationUpdate> updates) implements Write {
    public UpdateFormation {
      updates = List.copyOf(updates);
      if (updates.isEmpty()) {
        throw new IllegalArgumentException("a formation update changes at least one type");
      }
    }
  }

  /** Creates the web scale monitor, active, with these settings. */
  record CreateMonitor(MonitorSettings settings) implements Write {}

  /** Updates an existing web scale monitor and makes it active. */
  record UpdateMonitor(String monitorId, MonitorSettings settings) implements Write {}

  /** Turns an existing web scale monitor off, leaving its settings. */
  record DisableMonitor(String monitorId) implements Write {}
}
