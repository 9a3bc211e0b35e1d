package dev.formation.platform.local.ops;

import dev.formation.ops.Host;
import dev.formation.platform.local.DaemonLauncher;
import dev.formation.platform.local.DaemonStopper;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LocalProvider;
import dev.formation.platform.local.LogTail;
import dev.formation.platform.local.Sleeper;
import dev.formation.platform.local.StoppedPlatform;
import dev.formation.platform.local.state.LocalInputException;
import dev.formation.platform.local.state.LocalSettings;
import java.util.function.Consumer;

/**
 * The local platform's client side as the {@code local} operations use it, made from the host's
 * environment: its settings, the API client, the launcher, the stopper, the stopped state folder
 * and the log tail.
 */
final class LocalParts implements AutoCloseable {
  final LocalSettings settings;
  final LocalClient client;
  final DaemonLauncher launcher;
  final DaemonStopper stopper;
  final StoppedPlatform stopped;
  final LogTail tail;

  private LocalParts(LocalSettings settings, Consumer<String> notice, Sleeper sleeper) {
    this.settings = settings;
    this.client = new LocalClient(settings.tokenFile());
    this.launcher = new DaemonLauncher(settings, LocalProvider.MAIN_CLASS, client, notice, sleeper);
    this.stopper = new DaemonStopper(launcher, client, notice, sleeper);
    this.stopped = new StoppedPlatform(settings);
    this.tail = new LogTail(launcher.locator(), client, stopped, sleeper);
  }

  /**
   * @throws BadSetting when a {@code FORMATION_LOCAL_*} variable is not a number
   */
  static LocalParts of(Host host, Sleeper sleeper) throws BadSetting {
    return new LocalParts(settings(host), notice(host), sleeper);
  }

  /** The local platform's settings from the host's environment. */
  static LocalSettings settings(Host host) throws BadSetting {
    try {
      return LocalSettings.fromEnv(host.env(), host.home());
    } catch (LocalInputException e) {
      // the message names the variable and its value
      throw new BadSetting(e.getMessage());
    }
  }

  /** The API port: {@code --port}, else {@code FORMATION_LOCAL_PORT}, else 0 (any). */
  static int port(Integer option, LocalSettings settings) throws BadSetting {
    if (option != null) {
      return option;
    }
    try {
      return LocalProvider.apiPort(settings.env());
    } catch (LocalInputException e) {
      throw new BadSetting(e.getMessage());
    }
  }

  /** State files set aside, told on the host's progress channel as warnings. */
  private static Consumer<String> notice(Host host) {
    return n -> host.listener().progress("warning: " + n);
  }

  @Override
  public void close() {
    client.close();
  }

  /** An environment variable of the local platform's that cannot be read. */
  static final class BadSetting extends Exception {
    BadSetting(String message) {
      super(message);
    }
  }
}
