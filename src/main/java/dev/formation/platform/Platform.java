package dev.formation.platform;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import java.util.List;

/**
 * The one interface every platform adapter implements: read an app's live formation, and change it
 * with the few calls the applier needs. Adapters hold no plan logic; the applier decides what to
 * call and in which order.
 */
public interface Platform extends AutoCloseable {

  /**
   * Reads an app's formation and, when {@code readMonitor} is set and web runs on a size that can
   * autoscale, its web scale monitor (a monitor cannot exist elsewhere, so it is not asked for).
   */
  LiveApp read(String app, boolean readMonitor) throws PlatformException;

  /** Sends one batch update for the app and returns the formation the platform answered. */
  LiveApp updateFormation(LiveApp app, List<FormationUpdate> updates) throws PlatformException;

  /** Creates the web scale monitor, active, with these settings. */
  LiveMonitor createMonitor(LiveApp app, MonitorSettings settings) throws PlatformException;

  /** Updates an existing web scale monitor and makes it active. */
  void updateMonitor(LiveApp app, String monitorId, MonitorSettings settings)
      throws PlatformException;

  /** Turns an existing web scale monitor off, leaving its settings. */
  void disableMonitor(LiveApp app, String monitorId) throws PlatformException;

  @Override
  default void close() {}
}
