package dev.formation.platform.local;

import dev.formation.live.LiveApp;
import dev.formation.platform.local.state.AppNames;
import dev.formation.platform.local.state.DaemonLock;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.LogFiles;
import dev.formation.platform.local.state.LogPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The state folder while no daemon holds it, when there is no one to ask: the apps a stopped
 * platform recorded (what {@code plan}, {@code drift} and {@code import} read then), the logs it
 * left, forgetting an app, deleting everything. Each change refuses while a daemon holds the
 * folder; then the daemon's API is the way.
 */
public final class StoppedPlatform {
  private final LocalSettings settings;

  public StoppedPlatform(LocalSettings settings) {
    this.settings = settings;
  }

  /**
   * An app as the stopped platform recorded it, and as a started daemon would serve it: {@link
   * LiveApp#unregistered} when it has no record of it. Reads only.
   */
  public LiveApp read(String app) throws IOException {
    return new RecordedApps(settings.appsDir()).read(app);
  }

  /** As {@link LogFiles#read}, from the files a stopped daemon left. */
  public List<LogPage> logs(String app, int lines, Map<String, Long> since) throws IOException {
    ensureStopped();
    return new LogFiles(settings.logsDir()).read(app, lines, since);
  }

  /** Removes an app's record and logs; false when there was neither. */
  public boolean forget(String app) throws IOException {
    if (!AppNames.valid(app)) {
      throw new IOException("not an app name: " + app);
    }
    ensureStopped();
    boolean known = Files.deleteIfExists(settings.appsDir().resolve(app + ".json"));
    Path log = settings.logFile(app);
    known |= Files.deleteIfExists(log);
    Files.deleteIfExists(log.resolveSibling(log.getFileName() + ".1"));
    return known;
  }

  /** Deletes the whole state folder: apps, logs, token, pid files. */
  public void delete() throws IOException {
    ensureStopped();
    Path dir = settings.stateDir();
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private void ensureStopped() throws IOException {
    if (DaemonLock.held(settings.stateDir())) {
      throw new IOException(
          "a local platform daemon holds " + settings.stateDir() + "; ask it over its API");
    }
  }
}
