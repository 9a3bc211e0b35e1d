package dev.formation.platform.local;

import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.PidFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Stops the daemon and leaves no process behind: asked over its API (it stops every dyno, then
 * exits), else SIGTERM and then SIGKILL; then every dyno a pid file in {@code run/} still names,
 * verified against {@code /proc} so that a pid reused since is never signalled: a daemon killed
 * with SIGKILL leaves its dynos running, and nothing else is left to stop them.
 */
public final class DaemonStopper {
  private static final Duration POLL = Duration.ofMillis(100);

  private final LocalSettings settings;
  private final LocalClient client;
  private final DaemonLocator locator;
  private final Consumer<String> notice;
  private final Sleeper sleeper;

  public DaemonStopper(
      DaemonLauncher launcher, LocalClient client, Consumer<String> notice, Sleeper sleeper) {
    this.settings = launcher.settings();
    this.client = client;
    this.locator = launcher.locator();
    this.notice = notice;
    this.sleeper = sleeper;
  }

  /** What {@link #stopEverything()} found and did. */
  public record Stopped(boolean daemon, int leftoverDynos) {
    public Stopped {
      if (leftoverDynos < 0) {
        throw new IllegalArgumentException("a count of dynos: " + leftoverDynos);
      }
    }
  }

  /** Stops the daemon if one holds the state folder, then every dyno a pid file still names. */
  public Stopped stopEverything() throws IOException, InterruptedException {
    boolean daemon = false;
    Optional<DaemonInfo> info = locator.alive();
    if (info.isPresent()) {
      stop(info.get());
      daemon = true;
    } else {
      OptionalLong holder = locator.holder();
      if (holder.isPresent()) {
        // holds the lock but does not answer (hung, or still starting): it goes anyway
        terminate(holder.getAsLong());
        daemon = true;
      }
    }
    int left =
        new PidFiles(settings.stateDir().resolve("run"))
            .stopAll(System::nanoTime, settings.grace(), notice);
    return new Stopped(daemon, left);
  }

  /** Asks the daemon to stop every dyno and exit, and waits until its process is gone. */
  public void stop(DaemonInfo info) throws IOException, InterruptedException {
    try {
      client.shutdown(info);
    } catch (IOException notAnswering) {
      terminate(info.pid());
      return;
    }
    Optional<ProcessHandle> h = ProcessHandle.of(info.pid());
    Duration limit = settings.grace().plusSeconds(30);
    long end = System.nanoTime() + limit.toNanos();
    while (h.isPresent() && h.get().isAlive()) {
      if (System.nanoTime() > end) {
        throw new IOException(
            "the local platform daemon (pid "
                + info.pid()
                + ") did not stop within "
                + limit.toSeconds()
                + " s");
      }
      sleeper.sleep(POLL);
    }
  }

  private void terminate(long pid) throws InterruptedException {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty()) {
      return;
    }
    h.get().destroy();
    if (!waitGone(h.get(), settings.grace().plusSeconds(10))) {
      h.get().destroyForcibly();
      waitGone(h.get(), Duration.ofSeconds(10));
    }
  }

  private static boolean waitGone(ProcessHandle h, Duration limit) throws InterruptedException {
    try {
      h.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !h.isAlive();
    }
  }
}
