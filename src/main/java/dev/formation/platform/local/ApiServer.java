package dev.formation.platform.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The daemon's HTTP front: checks the bearer token and the Heroku {@code Accept} header, adds
 * {@code Request-Id} and {@code RateLimit-Remaining}, and hands each request to {@link Routes}.
 */
final class ApiServer implements AutoCloseable {
  static final int MAX_BODY = 1 << 20;

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(12, Supervisor.daemon("api"));
  private final byte[] token;
  private final Routes routes;
  private final RateLimit rateLimit = new RateLimit(4500);
  private final LocalDaemon daemon;
  private volatile boolean open = true;

  ApiServer(LocalDaemon daemon, String token, int port) throws IOException {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.routes = new Routes(daemon);
    this.daemon = daemon;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (java.net.BindException e) {
      pool.shutdownNow();
      throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    if (ex.getRequestURI().getPath().startsWith(LogSessions.PREFIX)) {
      // the session's unguessable id is its credential, as on Heroku's log URLs
      try (ex) {
        daemon.logSessions.stream(ex, () -> open);
      }
      return;
    }
    String requestId = ex.getRequestHeaders().getFirst("Request-Id");
    if (requestId == null || !requestId.matches("[-\\w.,]{1,200}")) {
      requestId = UUID.randomUUID().toString();
    }
    ex.getResponseHeaders().set("Request-Id", requestId);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    try (ex) {
      // formation's own endpoints (status, shutdown) are not Heroku's API: they cost nothing, so
      // a `watch formation local status` cannot spend the budget of the Heroku CLI and formation
      boolean own = ex.getRequestURI().getPath().startsWith("/local/");
      int remaining = own ? rateLimit.peek() : rateLimit.take();
      ex.getResponseHeaders().set("RateLimit-Remaining", String.valueOf(Math.max(0, remaining)));
      ex.getResponseHeaders().set("RateLimit-Multiplier", "1");
      Routes.Reply reply;
      try {
        authorize(ex);
        if (remaining < 0) {
          throw new ApiError(429, "rate_limit", "Your account reached the API rate limit.");
        }
        reply = routes.handle(ex.getRequestMethod(), ex.getRequestURI().getPath(), body(ex));
      } catch (ApiError e) {
        reply = new Routes.Reply(e.status(), Wire.error(e.id(), e.getMessage()));
      } catch (RuntimeException e) {
        reply =
            new Routes.Reply(
                500, Wire.error("internal_server_error", "The local platform failed: " + e));
      }
      byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
      ex.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
      reply.afterSend().run();
    }
  }

  private void authorize(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    byte[] given =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      throw new ApiError(401, "unauthorized", "Invalid credentials provided.");
    }
    if (!acceptable(ex.getRequestHeaders().getFirst("Accept"))) {
      throw new ApiError(
          406,
          "not_acceptable",
          "Please specify a version along with Heroku's"
              + " API MIME type. For example, `Accept: application/vnd.heroku+json; version=3`.");
    }
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

  private static JsonNode body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw ApiError.badRequest("Request body too large.");
      }
      if (bytes.length == 0) {
        return null;
      }
      try {
        return Json.MAPPER.readTree(bytes);
      } catch (JacksonException e) {
        throw ApiError.badRequest("Request body is not valid JSON.");
      }
    }
  }

  @Override
  public void close() {
    open = false;
    server.stop(0);
    pool.shutdownNow();
  }

  /** Heroku's budget: 4,500 requests an hour, refilled continuously. */
  static final class RateLimit {
    private final int capacity;
    private double tokens;
    private long last = System.nanoTime();

    RateLimit(int capacity) {
      this.capacity = capacity;
      this.tokens = capacity;
    }

    /** Takes one request from the budget; returns what is left (negative when exhausted). */
    synchronized int take() {
      refill();
      if (tokens < 1) {
        return -1;
      }
      tokens -= 1;
      return (int) tokens;
    }

    /** What is left of the budget, taking nothing. */
    synchronized int peek() {
      refill();
      return (int) tokens;
    }

    private void refill() {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - last) / 3.6e12 * capacity);
      last = now;
    }
  }
}
