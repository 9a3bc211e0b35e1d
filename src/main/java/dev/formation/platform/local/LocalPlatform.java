package dev.formation.platform.local;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.Procfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local platform as formation's commands use it: the daemon's Heroku API (through the adapter
 * given, the same one real Heroku uses) plus the one thing Heroku does not have, an app's
 * registration from its folder. Reading never registers anything; only {@link Write.Setup} does,
 * and only after checking that the Procfile still holds what the plan showed.
 */
public final class LocalPlatform implements Platform {
  private final Platform api;
  private final LocalClient client;
  private final DaemonInfo daemon;

  /**
   * @param api the Heroku adapter pointed at {@code daemon}'s URL with its token
   */
  public LocalPlatform(Platform api, LocalClient client, DaemonInfo daemon) {
    this.api = api;
    this.client = client;
    this.daemon = daemon;
  }

  @Override
  public LiveApp read(Target target) throws PlatformException {
    Optional<LocalClient.Registered> where;
    try {
      where = client.registered(daemon, target.app());
    } catch (IOException e) {
      throw new PlatformException("the local platform: " + e.getMessage(), e);
    }
    if (where.isEmpty()) {
      return LiveApp.unregistered(target.app());
    }
    LiveApp app = api.read(target);
    Map<String, String> commands = new LinkedHashMap<>();
    for (LiveProcess p : app.processes()) {
      commands.put(p.type(), p.command() == null ? "" : p.command());
    }
    LocalRegistration registration =
        new LocalRegistration(
            Path.of(where.get().dir()), where.get().port(), commands, where.get().queues());
    return new LiveApp(
        app.name(), app.id(), app.generation(), app.processes(), app.monitor(), registration);
  }

  @Override
  public LiveApp apply(Target target, LiveApp app, Write write) throws PlatformException {
    if (!(write instanceof Write.Setup setup)) {
      return api.apply(target, app, write);
    }
    if (!(setup.at() instanceof LocalRegistration at)) {
      throw new IllegalArgumentException("a local app is set up from a LocalRegistration");
    }
    Map<String, String> now;
    try {
      now = Procfile.read(at.dir());
    } catch (Procfile.Unreadable e) {
      throw new PlatformException(
          "cannot register " + target.app() + ": " + e.getMessage(), 422, "invalid_params", null);
    }
    if (!at.sameCommands(now)) {
      throw new PlatformException(
          "the Procfile in "
              + at.dir()
              + " changed since the plan was made (it declares "
              + String.join(", ", now.keySet())
              + "); nothing was registered. Make a new plan.",
          0,
          null,
          null);
    }
    try {
      client.register(daemon, target.app(), at.dir(), at.port(), at.queues());
    } catch (IOException e) {
      throw new PlatformException(e.getMessage(), e);
    }
    return read(target);
  }

  @Override
  public void close() {
    api.close();
    client.close();
  }
}
