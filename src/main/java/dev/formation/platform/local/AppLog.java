package dev.formation.platform.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One app's log file: lines {@code 2026-11-28T11:00:00Z web.1 | message}, rotated to {@code .1}
 * past a size cap so a chatty dyno cannot fill the disk.
 */
public final class AppLog {
  static final long DEFAULT_CAP = 5L * 1024 * 1024;

  private final Path file;
  private final long cap;

  AppLog(Path file, long cap) {
    this.file = file;
    this.cap = cap;
  }

  /** The log file of an app in a state folder. */
  public static Path fileOf(Path logsDir, String app) {
    return logsDir.resolve(app + ".log");
  }

  /**
   * Appends one line from {@code source} ({@code web.1}, {@code heroku[web.1]}, {@code router}).
   */
  public synchronized void line(String source, String message) {
    String text =
        Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + source + " | " + message + "\n";
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file) && Files.size(file) + text.length() > cap) {
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".1"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // a full disk must not take the dyno down with it; the daemon log says why
      System.err.println("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Copies a dyno's output into the log, a line at a time, until the pipe closes. */
  void pump(InputStream output, String source) {
    Thread t =
        new Thread(
            () -> {
              try {
                copy(output, source);
              } catch (IOException e) {
                // the pipe closes when the dyno's process group is gone
              }
            },
            "dyno-output-" + source);
    t.setDaemon(true);
    t.start();
  }

  /** Logs every line of {@code output} until it ends. */
  void copy(InputStream output, String source) throws IOException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      String text;
      while ((text = r.readLine()) != null) {
        line(source, text);
      }
    }
  }
}
