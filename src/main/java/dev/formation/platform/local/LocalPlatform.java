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
 * and only after checking that the Procfile still holds what the plan showed. While the daemon is
 * stopped (for a command that only reads), apps are read from what it recorded, and nothing can be
 * written. A plan checks the router port it would register an app on ({@link RouterPorts}).
 */
public final class LocalPlatform implements Platform {
  private final Platform api;
  private final LocalClient client;
  private final DaemonInfo daemon;
  private final StoppedPlatform stopped;
  private final boolean checkPorts;

  /**
   * The platform of a running daemon, its router ports not checked.
   *
   * @param api the Heroku adapter pointed at {@code daemon}'s URL with its token
   */
  public LocalPlatform(Platform api, LocalClient client, DaemonInfo daemon) {
    this(api, client, daemon, null, false);
  }

  private LocalPlatform(
      Platform api,
      LocalClient client,
      DaemonInfo daemon,
      StoppedPlatform stopped,
      boolean checkPorts) {
    this.api = api;
    this.client = client;
    this.daemon = daemon;
    this.stopped = stopped;
    this.checkPorts = checkPorts;
  }

  /**
   * The platform of a running daemon.
   *
   * @param checkPorts whether a read checks the router port the target wants (for a plan)
   */
  static LocalPlatform running(
      Platform api, LocalClient client, DaemonInfo daemon, boolean checkPorts) {
    return new LocalPlatform(api, client, daemon, null, checkPorts);
  }

  /** The platform while no daemon runs: apps as recorded, no writes. */
  static LocalPlatform stopped(StoppedPlatform stopped, LocalClient client, boolean checkPorts) {
    return new LocalPlatform(null, client, null, stopped, checkPorts);
  }

  @Override
  public LiveApp read(Target target) throws PlatformException {
    if (daemon == null) {
      LiveApp live = recorded(target);
      if (checkPorts) {
        RouterPorts.check(target, null, null);
      }
      return live;
    }
    Optional<LocalClient.Registered> where = registered(target);
    if (checkPorts) {
      RouterPorts.check(target, where.orElse(null), daemon);
    }
    return served(target, where);
  }

  private Optional<LocalClient.Registered> registered(Target target) throws PlatformException {
    try {
      return client.registered(daemon, target.app());
    } catch (IOException e) {
      throw new PlatformException("the local platform: " + e.getMessage(), e);
    }
  }

  private LiveApp recorded(Target target) throws PlatformException {
    try {
      return stopped.read(target.app());
    } catch (IOException e) {
      throw new PlatformException("the local platform (not running): " + e.getMessage(), e);
    }
  }

  private LiveApp served(Target target, Optional<LocalClient.Registered> where)
      throws PlatformException {
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
    if (daemon == null) {
      throw new IllegalStateException("a local platform opened to read is never written to");
    }
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
    if (at.port() != 0) {
      // taken since the plan: refused before anything is registered
      RouterPorts.check(
          new Target(target.app(), target.platform(), at), registered(target).orElse(null), daemon);
    }
    try {
      client.register(daemon, target.app(), at.dir(), at.port(), at.queues());
    } catch (IOException e) {
      throw new PlatformException(e.getMessage(), e);
    }
    return served(target, registered(target));
  }

  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    client.close();
  }
}
