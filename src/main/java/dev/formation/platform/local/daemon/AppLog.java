package dev.formation.platform.local.daemon;

import dev.formation.platform.local.state.StateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One app's log file: lines {@code 2026-11-28T11:00:00Z web.1 | message}, rotated to {@code .1}
 * past a size cap so a chatty dyno cannot fill the disk.
 */
public final class AppLog implements AutoCloseable {
  public static final long DEFAULT_CAP = 5L * 1024 * 1024;

  /** The longest line kept whole (Heroku's log router splits at 10,000 bytes). */
  static final int MAX_LINE = 10_000;

  private final Path file;
  private final long cap;
  private final LocalClock clock;

  /** Lines wait at most this long before they are written (a syscall per line costs the router). */
  static final long FLUSH_MS = 50;

  private static final java.util.concurrent.ScheduledExecutorService FLUSHER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Threads.daemon("log-flush"));

  private FileChannel out;
  private long size = -1;
  private boolean closed;
  private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(8192);
  private boolean flushPending;
  private long stampSecond = Long.MIN_VALUE;
  private String stamp;

  public AppLog(Path file, long cap) {
    this(file, cap, null);
  }

  /** With {@code clock} giving each line's timestamp (the system clock when null). */
  public AppLog(Path file, long cap, LocalClock clock) {
    this.file = file;
    this.cap = cap;
    this.clock = clock;
  }

  /** The log file of an app in a state folder. */
  public static Path fileOf(Path logsDir, String app) {
    return logsDir.resolve(app + ".log");
  }

  /**
   * Appends one line from {@code source} ({@code web.1}, {@code heroku[web.1]}, {@code router}).
   * After {@link #close()} lines are dropped: a late request must not create the file again.
   */
  public synchronized void line(String source, String message) {
    if (closed) {
      return;
    }
    Instant at = clock == null ? Instant.now() : clock.now();
    if (at.getEpochSecond() != stampSecond) {
      // formatting an instant costs more than the rest of a router line: once a second
      stampSecond = at.getEpochSecond();
      stamp = at.truncatedTo(ChronoUnit.SECONDS) + " ";
    }
    byte[] text = (stamp + source + " | " + message + "\n").getBytes(StandardCharsets.UTF_8);
    if (buffer.size() > 0 && size + buffer.size() + text.length > cap) {
      // the file rotates before this line: what waits belongs to the old file
      flush();
    }
    buffer.write(text, 0, text.length);
    if (buffer.size() >= 64 * 1024) {
      flush();
    } else if (!flushPending) {
      flushPending = true;
      FLUSHER.schedule(this::flush, FLUSH_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  /** Writes the lines waiting in memory, rotating the file first when they would pass the cap. */
  synchronized void flush() {
    flushPending = false;
    if (closed || buffer.size() == 0) {
      buffer.reset();
      return;
    }
    try {
      if (out == null) {
        out = StateFiles.append(file);
        size = out.size();
      }
      if (size > 0 && size + buffer.size() > cap) {
        out.close();
        out = null;
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".1"),
            StandardCopyOption.REPLACE_EXISTING);
        out = StateFiles.append(file);
        size = 0;
      }
      ByteBuffer b = ByteBuffer.wrap(buffer.toByteArray());
      while (b.hasRemaining()) {
        out.write(b);
      }
      size += buffer.size();
    } catch (IOException e) {
      // a full disk must not take the dyno down with it; the daemon log says why
      System.err.println("cannot write " + file + ": " + e.getMessage());
      closeQuietly();
    } finally {
      buffer.reset();
    }
  }

  /** Closes the file; later lines are dropped. */
  @Override
  public synchronized void close() {
    if (!closed) {
      flush();
    }
    closed = true;
    closeQuietly();
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // nothing left to write
      }
      out = null;
    }
  }

  /** Copies a dyno's output into the log, a line at a time, until the pipe closes. */
  public void pump(InputStream output, String source) {
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
  public void copy(InputStream output, String source) throws IOException {
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
    flush();
  }
}
