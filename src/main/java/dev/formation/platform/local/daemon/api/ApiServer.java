package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.daemon.LocalDaemon;
import dev.formation.platform.local.daemon.Threads;
import dev.formation.platform.local.daemon.http.Admission;
import dev.formation.platform.local.daemon.http.Deadlines;
import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.Fatal;
import dev.formation.platform.local.daemon.http.HttpLimits;
import dev.formation.platform.local.daemon.http.RequestIds;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.StateFiles;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The daemon's HTTP front on Netty. On the event loop, before anything costs: the connection is
 * admitted or closed ({@link Admission}), the {@code Host} must be a loopback name (no DNS
 * rebinding) and the bearer token must match, both checked on the head before any body is read
 * ({@link ApiGate}); only then is the request charged to the 4,500-an-hour budget and its {@code
 * Accept} checked. The work itself ({@link Routes}) runs on a small pool, so a slow request never
 * stalls the event loop; answers carry {@code Request-Id} and {@code RateLimit-Remaining}. Every
 * error is Heroku's {@code {"id", "message"}}; none names a Java class. No CORS header is ever
 * sent.
 */
public final class ApiServer implements AutoCloseable {
  public static final int MAX_BODY = 1 << 20;

  private final Channel server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4, Threads.daemon("api"));
  private final ApiAuth auth;
  private final Routes routes;
  private final RateLimit rateLimit;
  private final LocalDaemon daemon;
  private final Admission admission;

  private ApiServer(LocalDaemon daemon, Engine engine, ApiAuth auth, HttpLimits limits, int port)
      throws IOException {
    this.auth = auth;
    this.routes = new Routes(daemon);
    this.daemon = daemon;
    this.rateLimit = new RateLimit(4500, daemon.clock());
    this.admission = new Admission(limits, engine, Admission.headBytes(limits) + MAX_BODY);
    try {
      server =
          engine.listen(
              port,
              new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                  Admission.Guard guard = admission.admit(ch);
                  if (guard == null) {
                    return;
                  }
                  Deadlines deadlines =
                      new Deadlines(
                          limits,
                          () ->
                              json(
                                  408,
                                  Wire.error("request_timeout", "The request body stalled."),
                                  false));
                  ch.pipeline()
                      .addLast(guard.raw())
                      .addLast(deadlines.raw())
                      .addLast(
                          new HttpServerCodec(
                              limits.maxInitialLine(), limits.maxHeaderSize(), 8192))
                      .addLast(deadlines.messages())
                      .addLast(guard.messages())
                      .addLast(new ApiGate(auth, guard))
                      .addLast(new Aggregator())
                      .addLast(new Handler());
                }
              });
    } catch (IOException e) {
      pool.shutdownNow();
      throw e;
    }
  }

  /**
   * The API on {@code port}, or, when that is 0, on the port of the last run ({@code remembered})
   * if it is still free, so that a {@code HEROKU_HOST} exported before a restart keeps working. The
   * port it got is remembered for the next run.
   */
  public static ApiServer open(
      LocalDaemon daemon, Engine engine, ApiAuth auth, HttpLimits limits, int port, Path remembered)
      throws IOException {
    ApiServer api = null;
    if (port == 0 && Files.isRegularFile(remembered)) {
      try {
        int last = Integer.parseInt(Files.readString(remembered).trim());
        if (last > 0 && last < 65536) {
          api = new ApiServer(daemon, engine, auth, limits, last);
        }
      } catch (IOException | RuntimeException taken) {
        // taken by someone else since, or not a port: any free one will do
      }
    }
    if (api == null) {
      api = new ApiServer(daemon, engine, auth, limits, port);
    }
    StateFiles.writeAtomically(
        remembered, String.valueOf(api.port()).getBytes(StandardCharsets.UTF_8));
    return api;
  }

  public int port() {
    return Engine.port(server);
  }

  /** Connections refused at accept or cut off for the daemon's budget, since the start. */
  public long refused() {
    return admission.refused();
  }

  /** Collects a body of at most {@link #MAX_BODY}; a larger one is a Heroku-shaped 413. */
  private static final class Aggregator extends HttpObjectAggregator {
    Aggregator() {
      super(MAX_BODY, true);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      // The client may still be sending: closing now would reset the connection and lose the
      // answer. So the answer goes out, then only our side closes (the aggregator discards the
      // rest of the body), and the connection goes 5 s later if the client keeps it.
      ctx.writeAndFlush(
              json(413, Wire.error("request_entity_too_large", "Request body too large."), false))
          .addListener(
              f -> {
                if (ctx.channel() instanceof SocketChannel s) {
                  s.shutdownOutput();
                }
                ctx.executor()
                    .schedule(() -> ctx.close(), 5, java.util.concurrent.TimeUnit.SECONDS);
              });
    }
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      if (req.decoderResult().isFailure()) {
        send(ctx, json(400, Wire.error("bad_request", "Malformed HTTP request."), false), false);
        return;
      }
      QueryStringDecoder uri = new QueryStringDecoder(req.uri());
      String path = uri.path();
      Map<String, List<String>> query = uri.parameters();
      String requestId = requestId(req.headers().get("Request-Id"));
      // the Host and the token were checked by the ApiGate before the body was read
      if (path.startsWith(LogSessions.PREFIX)) {
        // the session's unguessable id is its credential, as on Heroku's log URLs
        daemon.logSessions().stream(ctx, path.substring(LogSessions.PREFIX.length()), keepAlive);
        return;
      }
      // formation's own endpoints (status, shutdown) are not Heroku's API: they cost nothing, so
      // a `watch formation local status` cannot spend the budget of the Heroku CLI and formation
      boolean own = path.startsWith("/local/");
      int remaining = own ? rateLimit.peek() : rateLimit.take();
      if (remaining < 0) {
        send(
            ctx,
            error(
                new ApiError(429, "rate_limit", "Your account reached the API rate limit."),
                requestId,
                0),
            keepAlive);
        return;
      }
      if (!acceptable(req.headers().get(HttpHeaderNames.ACCEPT))) {
        send(
            ctx,
            error(
                new ApiError(
                    406,
                    "not_acceptable",
                    "Please specify a version along with Heroku's API MIME type. For example,"
                        + " `Accept: application/vnd.heroku+json; version=3`."),
                requestId,
                remaining),
            keepAlive);
        return;
      }
      String method = req.method().name();
      byte[] bytes = new byte[req.content().readableBytes()];
      req.content().readBytes(bytes);
      String id = requestId;
      try {
        pool.execute(() -> work(ctx, method, path, query, bytes, id, remaining, keepAlive));
      } catch (RejectedExecutionException closing) {
        ctx.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Fatal.haltOnOutOfMemory(cause);
      // a client that went away mid-answer; nothing to tell anyone
      ctx.close();
    }
  }

  private void work(
      ChannelHandlerContext ctx,
      String method,
      String path,
      Map<String, List<String>> query,
      byte[] body,
      String requestId,
      int remaining,
      boolean keepAlive) {
    Routes.Reply reply;
    try {
      reply = routes.handle(method, path, query, parse(body));
    } catch (ApiError e) {
      reply = new Routes.Reply(e.status(), Wire.error(e.id(), e.getMessage()));
    } catch (RuntimeException e) {
      // a bug: the daemon log has the details, the client a message without Java's names
      System.err.println("local platform: " + method + " " + path + " failed: " + e);
      reply =
          new Routes.Reply(
              500,
              Wire.error(
                  "internal_server_error",
                  "The local platform failed to answer "
                      + method
                      + " "
                      + path
                      + "; see"
                      + " daemon.log in its state folder."));
    }
    FullHttpResponse res = json(reply.status(), reply.body(), keepAlive);
    decorate(res, requestId, remaining);
    Runnable after = reply.afterSend();
    send(ctx, res, keepAlive).addListener(f -> after.run());
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw ApiError.badRequest("Request body is not valid JSON.");
    }
  }

  /** The client's {@code Request-Id} when it is a plain one, else a new one. */
  static String requestId(String given) {
    return given != null && given.matches("[-\\w.,]{1,200}") ? given : RequestIds.next();
  }

  static FullHttpResponse error(ApiError e, String requestId, Integer remaining) {
    FullHttpResponse res = json(e.status(), Wire.error(e.id(), e.getMessage()), true);
    decorate(res, requestId, remaining);
    return res;
  }

  private static void decorate(FullHttpResponse res, String requestId, Integer remaining) {
    res.headers().set("Request-Id", requestId);
    if (remaining != null) {
      res.headers()
          .set("RateLimit-Remaining", String.valueOf(Math.max(0, remaining)))
          .set("RateLimit-Multiplier", "1");
    }
  }

  static FullHttpResponse json(int status, JsonNode body, boolean keepAlive) {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    FullHttpResponse res =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status),
            Unpooled.wrappedBuffer(bytes));
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    if (!keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, "close");
    }
    return res;
  }

  private static io.netty.channel.ChannelFuture send(
      ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAlive) {
    io.netty.channel.ChannelFuture f = ctx.writeAndFlush(res);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
    return f;
  }

  /** {@code application/vnd.heroku+json; version=3}, or a variant such as {@code 3.sdk}. */
  static boolean acceptable(String accept) {
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      if (!parts[0].trim().equalsIgnoreCase("application/vnd.heroku+json")) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim().replace(" ", "");
        if (p.equals("version=3") || p.matches("version=3\\.[a-z][-a-z0-9]*")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Stops listening; the engine closes the open connections. */
  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    pool.shutdownNow();
  }
}
