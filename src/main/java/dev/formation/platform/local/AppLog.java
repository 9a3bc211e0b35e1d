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

  /** The longest line kept whole (Heroku's log router splits at 10,000 bytes). */
  static final int MAX_LINE = 10_000;

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

  /**
   * Logs every line of {@code output} until it ends. A line longer than {@link #MAX_LINE}
   * characters is logged in pieces, as Heroku's log router splits long lines: output without a
   * newline must not grow one line in the daemon's memory without end.
   */
  void copy(InputStream output, String source) throws IOException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      StringBuilder text = new StringBuilder();
      boolean afterCr = false;
      int c;
      while ((c = r.read()) >= 0) {
        if (c == '\n' && afterCr) {
          afterCr = false; // the second half of a \r\n
          continue;
        }
        afterCr = c == '\r';
        if (c == '\n' || c == '\r') {
          line(source, text.toString());
          text.setLength(0);
        } else {
          text.append((char) c);
          if (text.length() >= MAX_LINE) {
            line(source, text.toString());
            text.setLength(0);
          }
        }
      }
      if (text.length() > 0) {
        line(source, text.toString());
      }
    }
  }
}
