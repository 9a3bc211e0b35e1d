package dev.formation.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.formation.ops.ConfigSource;
import dev.formation.ops.Host;
import dev.formation.ops.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/**
 * The page's HTTP server on 127.0.0.1: the page and its files, {@code GET /api/state} (overview and
 * weeks), {@code GET /api/local} (the local platform live), {@code POST /api/scale} and {@code POST
 * /api/undo}. Every request passes {@link Guard} first.
 */
public final class UiServer implements AutoCloseable {
  /**
   * What the server shows and how often it may read.
   *
   * @param liveEvery how long a live read of the apps is reused (each app read at most once in it)
   * @param localEvery how long a read of the local platform (status, routers' last hour, logs) is
   *     reused, however many pages poll
   */
  public record Options(
      ConfigSource config,
      Host host,
      Settings settings,
      String version,
      Clock clock,
      Duration liveEvery,
      Duration localEvery) {
    public static final Duration LIVE_EVERY = Duration.ofSeconds(10);
    public static final Duration LOCAL_EVERY = Duration.ofSeconds(5);

    public Options {
      if (config == null || host == null || settings == null || clock == null) {
        throw new IllegalArgumentException("the ui needs a config, a host, settings and a clock");
      }
      if (liveEvery.isNegative() || localEvery.isNegative()) {
        throw new IllegalArgumentException("read intervals are not negative");
      }
    }

    public Options(ConfigSource config, Host host, Settings settings, String version) {
      this(config, host, settings, version, Clock.systemUTC(), LIVE_EVERY, LOCAL_EVERY);
    }
  }

  private static final Set<String> CHANGES = Set.of("/api/scale", "/api/undo");

  private final HttpServer server;
  private final ExecutorService threads;
  private final Guard guard;
  private final Snapshots snapshots;
  private final LocalLive local;
  private final Shaper shaper;

  private UiServer(HttpServer server, Options options) {
    this.server = server;
    this.guard = new Guard(port());
    this.snapshots = new Snapshots(options);
    this.local = new LocalLive(options);
    this.shaper = new Shaper(options, snapshots);
    this.threads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "formation-ui");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  /**
   * Starts serving on 127.0.0.1:{@code port} (0 for a free port).
   *
   * @throws BindException when the port is taken
   */
  public static UiServer start(Options options, int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    UiServer ui = new UiServer(server, options);
    server.start();
    return ui;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The URL to open, token included: shown once, never logged. */
  public String url() {
    return "http://127.0.0.1:" + port() + "/?token=" + guard.token();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    local.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        Guard.Refusal refusal = guard.check(exchange);
        String path = exchange.getRequestURI().getPath();
        if (refusal == null && CHANGES.contains(path)) {
          refusal = guard.checkChange(exchange);
        } else if (refusal == null && !exchange.getRequestMethod().equals("GET")) {
          refusal = new Guard.Refusal(405, "only GET here; changes are POSTs to " + CHANGES);
        }
        if (refusal != null) {
          Responses.text(exchange, refusal.status(), refusal.message());
          return;
        }
        route(exchange, path);
      } catch (RuntimeException bug) {
        // a bug in formation: the page shows it, the server goes on
        Responses.text(exchange, 500, "this is a bug in formation ui: " + bug);
      }
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    switch (path) {
      case "/" -> {
        if (guard.fromUrl(exchange)) {
          exchange.getResponseHeaders().add("Set-Cookie", guard.cookie());
          exchange.getResponseHeaders().add("Location", "/");
          Responses.send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
        } else {
          Responses.send(exchange, 200, "text/html; charset=utf-8", Assets.page(guard.csrf()));
        }
      }
      case "/api/state" -> Responses.json(exchange, 200, snapshots.state());
      case "/api/local" -> Responses.json(exchange, 200, local.state(after(exchange)));
      case "/api/scale" -> Responses.json(exchange, 200, shaper.scale(body(exchange)));
      case "/api/undo" -> Responses.json(exchange, 200, shaper.undo(body(exchange)));
      default -> {
        Assets.Asset asset = Assets.find(path);
        if (asset == null) {
          Responses.text(exchange, 404, "no such page: " + path);
        } else {
          Responses.send(exchange, 200, asset.contentType(), asset.bytes());
        }
      }
    }
  }

  private static long after(HttpExchange exchange) {
    String q = exchange.getRequestURI().getRawQuery();
    if (q != null && q.startsWith("after=")) {
      try {
        return Long.parseLong(q.substring("after=".length()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(64 * 1024);
      return UiJson.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (RuntimeException notJson) {
      return UiJson.MAPPER.createObjectNode();
    }
  }
}
