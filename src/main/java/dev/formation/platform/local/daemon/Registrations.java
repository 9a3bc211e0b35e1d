package dev.formation.platform.local.daemon;

import dev.formation.platform.local.daemon.api.ApiError;
import dev.formation.platform.local.state.Procfile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What {@code PUT /apps/{name}} asks for, checked as Heroku checks an app's name, and the app it
 * makes: the Procfile's process types, new ones at 0 × Standard-1X, known ones keeping their
 * formation. Opening the router is the daemon's part.
 */
final class Registrations {
  private static final Pattern APP_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,28}[a-z0-9]$");

  private Registrations() {}

  /**
   * The app as registered from {@code dir} on router {@code port}.
   *
   * @param old the app as it is registered now, or null for a new one
   * @param apiPort the daemon's own API port, which no router may take
   * @param apps every registered app, whose router ports are taken
   * @throws ApiError 422 for a bad name, folder, port or Procfile
   */
  static AppRecord next(
      AppRecord old,
      String name,
      String dir,
      int port,
      int apiPort,
      Collection<AppRecord> apps,
      String now) {
    if (name == null || !APP_NAME.matcher(name).matches()) {
      throw ApiError.invalid(
          "Name must start with a letter, end with a letter or digit and can"
              + " only contain lowercase letters, digits, and dashes (3 to 30 characters).");
    }
    if (dir == null || !absoluteFolder(dir)) {
      throw ApiError.invalid("dir must be the absolute path of an existing folder: " + dir);
    }
    if (port < 0 || port > 65535 || port == apiPort) {
      throw ApiError.invalid(
          "port must be a free TCP port between 1 and 65535 (0: one the system picks): " + port);
    }
    for (AppRecord other : apps) {
      if (port != 0 && other.port() == port && !other.name().equals(name)) {
        throw ApiError.invalid("port " + port + " is already the router port of " + other.name());
      }
    }
    Map<String, String> types;
    try {
      types = Procfile.read(Path.of(dir));
    } catch (Procfile.Unreadable e) {
      throw ApiError.invalid(e.getMessage());
    }
    List<ProcessRecord> processes = new ArrayList<>();
    for (var e : types.entrySet()) {
      ProcessRecord p = old == null ? null : old.process(e.getKey()).orElse(null);
      processes.add(
          p == null
              ? new ProcessRecord(
                  UUID.randomUUID().toString(),
                  e.getKey(),
                  e.getValue(),
                  "Standard-1X",
                  0,
                  now,
                  now)
              : e.getValue().equals(p.command()) ? p : p.withCommand(e.getValue(), now));
    }
    return old == null
        ? new AppRecord(
            UUID.randomUUID().toString(), name, dir, port, now, now, processes, List.of())
        : old.withLocation(dir, port, now).withProcesses(processes, now);
  }

  /** Every queue rule names a process type of the Procfile, once. */
  static void checkQueues(AppRecord app) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (QueueRecord q : app.queues()) {
      if (app.process(q.type()).isEmpty()) {
        throw ApiError.invalid(
            "queue rule for " + q.type() + ", which the Procfile does not declare");
      }
      if (!seen.add(q.type())) {
        throw ApiError.invalid("two queue rules for " + q.type());
      }
    }
  }

  private static boolean absoluteFolder(String dir) {
    try {
      Path p = Path.of(dir);
      return p.isAbsolute() && Files.isDirectory(p);
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
