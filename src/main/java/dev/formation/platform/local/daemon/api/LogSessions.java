package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.daemon.LocalClock;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code heroku logs [--tail]}: a log session ({@code POST /apps/{app}/log-sessions}) names a
 * one-time URL on this server that streams the app's log as server-sent events, each line in
 * Heroku's format ({@code 2026-11-28T11:00:00+00:00 app[web.1]: message}).
 */
public final class LogSessions {
  static final String PREFIX = "/local/log-sessions/";
  private static final Duration VALID = Duration.ofMinutes(5);
  private static final int MAX_STREAMS = 4;
  private static final Pattern LINE = Pattern.compile("^(\\S+)Z (\\S+) \\| (.*)$");

  /** What a session streams; {@code dyno} (a type or a dyno name) filters when not null. */
  record Session(String app, Path file, int lines, boolean tail, String dyno, Instant created) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger streams = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();
  private final LocalClock clock;
  private final BooleanSupplier open;

  /**
   * @param open whether the daemon still runs; a tail ends when it stops
   */
  public LogSessions(LocalClock clock, BooleanSupplier open) {
    this.clock = clock;
    this.open = open;
  }

  /** Opens a session and returns its id, the secret part of its URL. */
  String open(String app, Path file, int lines, boolean tail, String dyno) {
    sessions.values().removeIf(s -> s.created().plus(VALID).isBefore(clock.now()));
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    sessions.put(
        id, new Session(app, file, Math.max(1, Math.min(lines, 1500)), tail, dyno, clock.now()));
    return id;
  }

  /**
   * Serves {@code GET /local/log-sessions/{id}} on the event loop: the last lines at once, then
   * (for a tail) what the log gains, a look every 250 ms, until the client or the daemon goes.
   */
  void stream(ChannelHandlerContext ctx, String id, boolean keepAlive) {
    Session s = sessions.remove(id);
    if (s == null || s.created().plus(VALID).isBefore(clock.now())) {
      ctx.writeAndFlush(
              ApiServer.json(
                  404, Wire.error("not_found", "Couldn't find that log session."), false))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (streams.incrementAndGet() > MAX_STREAMS) {
      streams.decrementAndGet();
      ctx.writeAndFlush(
              ApiServer.json(
                  503,
                  Wire.error("unavailable", "Too many log streams are open; close one."),
                  false))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.channel().closeFuture().addListener(f -> streams.decrementAndGet());
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    HttpUtil.setTransferEncodingChunked(head, true);
    HttpUtil.setKeepAlive(head, keepAlive && !s.tail());
    ctx.write(head);
    try {
      long offset = Files.exists(s.file()) ? Files.size(s.file()) : 0;
      List<String> all =
          (offset > 0 ? Files.readAllLines(s.file()) : List.<String>of())
              .stream().filter(line -> herokuFormat(line, s.dyno()) != null).toList();
      send(ctx, s, all.subList(Math.max(0, all.size() - s.lines()), all.size()));
      if (s.tail()) {
        follow(ctx, s, offset, 0);
        return;
      }
    } catch (IOException e) {
      // an unreadable log ends the stream; the client sees it end
    }
    var end = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    if (!keepAlive) {
      end.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void follow(ChannelHandlerContext ctx, Session s, long offset, int quiet) {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (!open.getAsBoolean()) {
      ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    long next = offset;
    int still = quiet + 1;
    try {
      long size = Files.exists(s.file()) ? Files.size(s.file()) : 0;
      long from = size < offset ? 0 : offset;
      next = from;
      if (size > from) {
        byte[] bytes;
        try (RandomAccessFile r = new RandomAccessFile(s.file().toFile(), "r")) {
          r.seek(from);
          bytes = new byte[(int) Math.min(size - from, 1 << 20)];
          r.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end >= 0) {
          send(ctx, s, text.substring(0, end).lines().toList());
          next = from + text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
          still = 0;
        }
      }
      if (still >= 60) {
        // a comment every 15 s of quiet: a client that went away is found out
        write(ctx, ":\n\n");
        still = 0;
      }
    } catch (IOException e) {
      // rotated or removed under us: look again next time
    }
    long at = next;
    int q = still;
    ctx.executor().schedule(() -> follow(ctx, s, at, q), 250, TimeUnit.MILLISECONDS);
  }

  private static void send(ChannelHandlerContext ctx, Session s, List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      String heroku = herokuFormat(line, s.dyno());
      if (heroku != null) {
        b.append("data: ").append(heroku).append("\n\n");
      }
    }
    if (b.length() > 0) {
      write(ctx, b.toString());
    }
  }

  private static void write(ChannelHandlerContext ctx, String text) {
    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
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
}
