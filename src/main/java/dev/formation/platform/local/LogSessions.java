package dev.formation.platform.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code heroku logs [--tail]}: a log session ({@code POST /apps/{app}/log-sessions}) names a
 * one-time URL on this server that streams the app's log as server-sent events, each line in
 * Heroku's format ({@code 2026-11-28T11:00:00+00:00 app[web.1]: message}).
 */
final class LogSessions {
  static final String PREFIX = "/local/log-sessions/";
  private static final Duration VALID = Duration.ofMinutes(5);
  private static final int MAX_STREAMS = 4;
  private static final Pattern LINE = Pattern.compile("^(\\S+)Z (\\S+) \\| (.*)$");

  /** What a session streams; {@code dyno} (a type or a dyno name) filters when not null. */
  record Session(String app, Path file, int lines, boolean tail, String dyno, Instant created) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger streams = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();

  /** Opens a session and returns its id, the secret part of its URL. */
  String open(String app, Path file, int lines, boolean tail, String dyno) {
    sessions.values().removeIf(s -> s.created().plus(VALID).isBefore(Instant.now()));
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    sessions.put(
        id, new Session(app, file, Math.max(1, Math.min(lines, 1500)), tail, dyno, Instant.now()));
    return id;
  }

  /** Serves {@code GET /local/log-sessions/{id}}; {@code open} says when the daemon closes. */
  void stream(HttpExchange ex, BooleanSupplier open) throws IOException {
    Session s = sessions.remove(ex.getRequestURI().getPath().substring(PREFIX.length()));
    if (s == null || s.created().plus(VALID).isBefore(Instant.now())) {
      ex.sendResponseHeaders(404, -1);
      return;
    }
    if (streams.incrementAndGet() > MAX_STREAMS) {
      streams.decrementAndGet();
      ex.sendResponseHeaders(503, -1);
      return;
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      long offset = Files.exists(s.file()) ? Files.size(s.file()) : 0;
      List<String> all =
          (offset > 0 ? Files.readAllLines(s.file()) : List.<String>of())
              .stream().filter(line -> herokuFormat(line, s.dyno()) != null).toList();
      send(out, s, all.subList(Math.max(0, all.size() - s.lines()), all.size()));
      while (s.tail() && open.getAsBoolean()) {
        sleep();
        offset = follow(out, s, offset);
      }
      out.close();
    } finally {
      streams.decrementAndGet();
    }
  }

  private static long follow(OutputStream out, Session s, long offset) throws IOException {
    long size = Files.exists(s.file()) ? Files.size(s.file()) : 0;
    long from = size < offset ? 0 : offset;
    if (size == from) {
      out.write(":\n\n".getBytes(StandardCharsets.UTF_8)); // a comment: finds a gone client
      out.flush();
      return from;
    }
    byte[] bytes;
    try (RandomAccessFile r = new RandomAccessFile(s.file().toFile(), "r")) {
      r.seek(from);
      bytes = new byte[(int) Math.min(size - from, 1 << 20)];
      r.readFully(bytes);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return from;
    }
    send(out, s, text.substring(0, end).lines().toList());
    return from + text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
  }

  private static void send(OutputStream out, Session s, List<String> lines) throws IOException {
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      String heroku = herokuFormat(line, s.dyno());
      if (heroku != null) {
        b.append("data: ").append(heroku).append("\n\n");
      }
    }
    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** {@code T web.1 | m} as {@code T app[web.1]: m}; null when filtered out or not a line. */
  static String herokuFormat(String line, String dyno) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String source = m.group(2);
    String name = source.startsWith("heroku[") ? source.substring(7, source.length() - 1) : source;
    if (dyno != null && !name.equals(dyno) && !name.startsWith(dyno + ".")) {
      return null;
    }
    String tagged = source.startsWith("heroku[") ? source : "app[" + source + "]";
    return m.group(1) + "+00:00 " + tagged + ": " + m.group(3);
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
