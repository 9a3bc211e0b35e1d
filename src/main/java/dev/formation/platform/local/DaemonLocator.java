package dev.formation.platform.local;

import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.DaemonLock;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.StateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Finds the running daemon from what it leaves for its clients: {@code daemon.json}, and when that
 * is lost or corrupt, the pid in its lock file and the port in {@code api-port}, checked against
 * the daemon's own {@code /local/status}. Only a process holding the state folder's lock is a
 * daemon: a pid in {@code daemon.json} may have been given to another process since.
 */
public final class DaemonLocator {
  private final LocalSettings settings;
  private final LocalClient client;
  private final Consumer<String> notice;

  public DaemonLocator(LocalSettings settings, LocalClient client, Consumer<String> notice) {
    this.settings = settings;
    this.client = client;
    this.notice = notice;
  }

  /**
   * The daemon holding the state folder, asked nothing when {@code daemon.json} names it: for
   * polling (as {@code logs --follow} does) without spending the API's request budget.
   */
  public Optional<DaemonInfo> alive() {
    OptionalLong holder = DaemonLock.holder(settings.stateDir());
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    Optional<DaemonInfo> info;
    try {
      info = DaemonInfo.parse(settings.daemonFile());
    } catch (IOException corrupt) {
      info = Optional.empty();
      setAside();
    }
    if (info.isPresent() && info.get().pid() == holder.getAsLong()) {
      return info;
    }
    // daemon.json lost or corrupt, or not yet written: the lock names the pid, api-port the port
    return recovered(holder.getAsLong());
  }

  /** Whether a daemon (perhaps one starting or stopping) holds the state folder. */
  public boolean held() {
    return DaemonLock.held(settings.stateDir());
  }

  /** The pid of the process holding the state folder's lock, if one does. */
  public OptionalLong holder() {
    return DaemonLock.holder(settings.stateDir());
  }

  private void setAside() {
    try {
      Path aside = StateFiles.setAside(settings.daemonFile(), Instant.now());
      notice.accept(
          settings.daemonFile() + " could not be read; set aside as " + aside.getFileName());
    } catch (IOException e) {
      notice.accept(settings.daemonFile() + " could not be read: " + e.getMessage());
    }
  }

  private Optional<DaemonInfo> recovered(long pid) {
    try {
      int port =
          Integer.parseInt(Files.readString(settings.stateDir().resolve("api-port")).strip());
      DaemonInfo i =
          new DaemonInfo(
              "http://127.0.0.1:" + port, port, pid, settings.tokenFile().toString(), null);
      if (client.status(i).path("pid").asLong() == pid) {
        i.write(settings.daemonFile());
        return Optional.of(i);
      }
    } catch (IOException | RuntimeException e) {
      // still starting (it writes daemon.json once its API listens), or not answering
    }
    return Optional.empty();
  }
}
