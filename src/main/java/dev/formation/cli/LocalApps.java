package dev.formation.cli;

import dev.formation.config.AppSpec;
import dev.formation.config.LocalSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.local.DaemonInfo;
import dev.formation.platform.local.LocalClient;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local platform as formation uses it: the Heroku adapter pointed at the local daemon, and each
 * {@code platform: local} app registered from its {@code local: {dir, port}} before it is first
 * read, as {@code heroku create} would make it on Heroku.
 */
final class LocalApps implements Platform {
  private final Platform heroku;
  private final LocalClient client;
  private final DaemonInfo daemon;
  private final Map<String, LocalSpec> specs = new ConcurrentHashMap<>();
  private final Set<String> registered = new HashSet<>();

  LocalApps(Platform heroku, LocalClient client, DaemonInfo daemon) {
    this.heroku = heroku;
    this.client = client;
    this.daemon = daemon;
  }

  /** Notes where the local apps of the configuration live. */
  void use(List<AppSpec> apps) {
    apps.stream().filter(a -> a.local() != null).forEach(a -> specs.put(a.name(), a.local()));
  }

  @Override
  public LiveApp read(String app, boolean readMonitor) throws PlatformException {
    register(app);
    return heroku.read(app, readMonitor);
  }

  @Override
  public LiveApp updateFormation(LiveApp app, List<FormationUpdate> updates)
      throws PlatformException {
    return heroku.updateFormation(app, updates);
  }

  @Override
  public LiveMonitor createMonitor(LiveApp app, MonitorSettings settings) throws PlatformException {
    return heroku.createMonitor(app, settings);
  }

  @Override
  public void updateMonitor(LiveApp app, String monitorId, MonitorSettings settings)
      throws PlatformException {
    heroku.updateMonitor(app, monitorId, settings);
  }

  @Override
  public void disableMonitor(LiveApp app, String monitorId) throws PlatformException {
    heroku.disableMonitor(app, monitorId);
  }

  private void register(String app) throws PlatformException {
    LocalSpec spec = specs.get(app);
    synchronized (registered) {
      if (spec == null || registered.contains(app)) {
        return;
      }
      try {
        client.register(daemon, app, spec.dir(), spec.port());
      } catch (IOException e) {
        throw new PlatformException(e.getMessage(), e);
      }
      registered.add(app);
    }
  }

  @Override
  public void close() {
    heroku.close();
  }
}
