package dev.formation.platform.local.ops;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.ops.Host;
import dev.formation.platform.local.daemon.LocalDaemon;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.WeakTokenException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code formation local serve}: runs the local platform's daemon in this process until it is told
 * to stop ({@code POST /local/shutdown}, or a signal). What {@code local start} spawns.
 */
public final class LocalServeOperation {
  private final Host host;

  public LocalServeOperation(Host host) {
    this.host = host;
  }

  /** The daemon listens: its API's URL and its state folder. */
  public record Serving(String url, Path stateDir) {
    public Serving {
      if (url == null || !url.startsWith("http://127.0.0.1:") || stateDir == null) {
        throw new IllegalArgumentException("a daemon serves on 127.0.0.1 from a state folder");
      }
    }
  }

  /** How serving ended: empty diagnostics once the daemon has stopped cleanly. */
  public record Served(Diagnostics diagnostics) {
    public Served {
      Objects.requireNonNull(diagnostics);
    }
  }

  /**
   * Starts the daemon, tells {@code ready} where it listens, and returns once it has stopped.
   *
   * @param port the API port, or null for {@code FORMATION_LOCAL_PORT}, else any
   */
  public Served run(Integer port, Consumer<Serving> ready) {
    try {
      LocalSettings settings = LocalParts.settings(host);
      LocalDaemon daemon = LocalDaemon.start(settings, LocalParts.port(port, settings));
      Thread hook = new Thread(daemon::close, "local-platform-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      ready.accept(new Serving(daemon.url(), settings.stateDir()));
      daemon.awaitClose();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook itself is closing the daemon
      }
      return new Served(new Diagnostics());
    } catch (WeakTokenException e) {
      return new Served(new Diagnostics().error(Code.FM152, e.getMessage(), null, null));
    } catch (LocalParts.BadSetting | IOException e) {
      return new Served(failure(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Served(failure("interrupted"));
    }
  }

  private static Diagnostics failure(String message) {
    return new Diagnostics().error(Code.FM150, "local platform: " + message, null, null);
  }
}
