package dev.formation.platform.local.state;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the apps' log files ({@code logs/APP.log}) by pages: an app's last lines, then what was
 * appended since an offset. The daemon answers {@code GET /local/logs} with it; a client reads the
 * files with it only while no daemon holds the state folder.
 */
public final class LogFiles {
  /** The most one page reads of one file. */
  static final int MAX_READ = 8 << 20;

  private final Path dir;

  public LogFiles(Path logsDir) {
    this.dir = logsDir;
  }

  /**
   * The apps that have a log, by name, or only {@code app} when it is not null and has one.
   *
   * @throws IllegalArgumentException when {@code app} is not an app name
   */
  public List<String> apps(String app) throws IOException {
    if (app != null) {
      if (!AppNames.valid(app)) {
        throw new IllegalArgumentException("not an app name: " + app);
      }
      return Files.exists(file(app)) ? List.of(app) : List.of();
    }
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".log"))
          .map(n -> n.substring(0, n.length() - ".log".length()))
          .sorted()
          .toList();
    }
  }

  /** Each app's page: its last {@code lines} lines, or what came after {@code since}'s offsets. */
  public List<LogPage> read(String app, int lines, Map<String, Long> since) throws IOException {
    List<LogPage> pages = new java.util.ArrayList<>();
    for (String a : apps(app)) {
      pages.add(since == null ? last(a, lines) : after(a, since.getOrDefault(a, 0L)));
    }
    return pages;
  }

  /** The last {@code lines} complete lines of an app's log. */
  public LogPage last(String app, int lines) throws IOException {
    Path f = file(app);
    if (!Files.exists(f)) {
      return new LogPage(app, List.of(), 0);
    }
    byte[] bytes = Files.readAllBytes(f);
    int end = lastNewline(bytes, bytes.length);
    if (end < 0) {
      return new LogPage(app, List.of(), 0);
    }
    List<String> all = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
    return new LogPage(app, all.subList(Math.max(0, all.size() - lines), all.size()), end + 1);
  }

  /**
   * The complete lines appended to an app's log since {@code from}; a file shorter than that was
   * rotated, and is read from its start. A last line without its newline waits for the next page.
   */
  public LogPage after(String app, long from) throws IOException {
    Path f = file(app);
    if (!Files.exists(f)) {
      return new LogPage(app, List.of(), 0);
    }
    long size = Files.size(f);
    long start = size < from ? 0 : from;
    if (size == start) {
      return new LogPage(app, List.of(), start);
    }
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
      r.seek(start);
      byte[] bytes = new byte[(int) Math.min(size - start, MAX_READ)];
      r.readFully(bytes);
      int end = lastNewline(bytes, bytes.length);
      if (end < 0) {
        return new LogPage(app, List.of(), start);
      }
      String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
      return new LogPage(app, text.lines().toList(), start + end + 1);
    }
  }

  private static int lastNewline(byte[] bytes, int length) {
    int end = length - 1;
    while (end >= 0 && bytes[end] != '\n') {
      end--;
    }
    return end;
  }

  private Path file(String app) {
    return dir.resolve(app + ".log");
  }
}
