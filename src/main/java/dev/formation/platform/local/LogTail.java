package dev.formation.platform.local;

import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LogPage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code formation local logs}: an app's last lines (or every app's), then, when following, what
 * the logs gain until the daemon stops. While a daemon runs the lines come from its API ({@code GET
 * /local/logs}, which costs no request budget); once it has stopped and let go of the state folder,
 * the last lines it wrote are read from the files it left ({@link StoppedPlatform}).
 */
public final class LogTail {
  /** How often a follower asks for new lines. */
  public static final Duration EVERY = Duration.ofMillis(200);

  /** How many times the first read is tried while a daemon starts or stops (10 s). */
  private static final int PATIENCE = 50;

  private final DaemonLocator locator;
  private final LocalClient client;
  private final StoppedPlatform stopped;
  private final Sleeper sleeper;
  private final Map<String, Long> offsets = new HashMap<>();

  public LogTail(
      DaemonLocator locator, LocalClient client, StoppedPlatform stopped, Sleeper sleeper) {
    this.locator = locator;
    this.client = client;
    this.stopped = stopped;
    this.sleeper = sleeper;
  }

  /**
   * Hands each app's last {@code lines} lines to {@code out}; returns the pages (empty when no app
   * of {@code app} has a log).
   *
   * @param app one app, or null for every app
   */
  public List<LogPage> last(String app, int lines, Consumer<LogPage> out)
      throws IOException, InterruptedException {
    List<LogPage> pages = null;
    for (int tries = 0; pages == null; tries++) {
      Optional<DaemonInfo> daemon = locator.alive();
      if (daemon.isPresent()) {
        try {
          pages = client.logs(daemon.get(), app, lines, null);
        } catch (IOException e) {
          if (tries >= PATIENCE) {
            throw e;
          }
        }
      } else if (!locator.held()) {
        pages = stopped.logs(app, lines, null);
      } else if (tries >= PATIENCE) {
        throw new IOException(
            "a local platform daemon holds the state folder but does not answer;"
                + " `formation local stop` stops it");
      }
      if (pages == null) {
        // a daemon starting or stopping: asked again in a moment
        sleeper.sleep(EVERY);
      }
    }
    hand(pages, out);
    return pages;
  }

  /**
   * After {@link #last}: hands what the logs gain to {@code out} until the daemon has stopped (its
   * last lines included), or the thread is interrupted.
   */
  public void follow(String app, Consumer<LogPage> out) throws IOException, InterruptedException {
    while (true) {
      sleeper.sleep(EVERY);
      Optional<DaemonInfo> daemon = locator.alive();
      if (daemon.isPresent()) {
        try {
          hand(client.logs(daemon.get(), app, 0, Map.copyOf(offsets)), out);
        } catch (IOException stopping) {
          // its API closes first when it stops: the rest is read once it is gone
        }
      } else if (!locator.held()) {
        hand(stopped.logs(app, 0, Map.copyOf(offsets)), out);
        return;
      }
    }
  }

  private void hand(List<LogPage> pages, Consumer<LogPage> out) {
    for (LogPage p : pages) {
      offsets.put(p.app(), p.next());
      if (!p.lines().isEmpty()) {
        out.accept(p);
      }
    }
  }
}
