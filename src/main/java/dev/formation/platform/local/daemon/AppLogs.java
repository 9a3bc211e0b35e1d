package dev.formation.platform.local.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every app's log, opened on first use: {@code logs/APP.log}, rotated to {@code APP.log.1}. */
final class AppLogs {
  private final Path dir;
  private final LocalClock clock;
  private final Map<String, AppLog> open = new ConcurrentHashMap<>();

  AppLogs(Path logsDir, LocalClock clock) {
    this.dir = logsDir;
    this.clock = clock;
  }

  /** An app's log, opened if it is not yet. */
  AppLog of(String app) {
    return open.computeIfAbsent(
        app, a -> new AppLog(AppLog.fileOf(dir, a), AppLog.DEFAULT_CAP, clock));
  }

  /** Closes an app's log and deletes its files; a failure is told on stderr (the daemon log). */
  void delete(String app) {
    AppLog log = open.remove(app);
    if (log != null) {
      log.close();
    }
    Path file = AppLog.fileOf(dir, app);
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".1"));
    } catch (IOException e) {
      System.err.println("cannot remove the logs of " + app + ": " + e.getMessage());
    }
  }

  /** Closes every open log: what is buffered is written, and later lines are dropped. */
  void closeAll() {
    open.values().forEach(AppLog::close);
  }
}
