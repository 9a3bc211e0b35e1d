package dev.formation.platform.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One app's HTTP router on 127.0.0.1:{@code local.port}: round-robin over the web dynos that are
 * up, retrying the next one on a refused connection, streaming bodies both ways.
 */
final class Router implements AutoCloseable {
  /** A web dyno that can take requests. */
  record Backend(String dyno, int port) {}

  private static final Set<String> HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization");

  /**
   * How long a request waits for a starting web dyno when none is up yet, as Heroku's router queues
   * requests while an app boots (then {@code H20}).
   */
  static final Duration BOOT_WAIT = Duration.ofSeconds(75);

  private final String app;
  private final Supplier<List<Backend>> backends;
  private final BooleanSupplier booting;
  private final Duration bootWait;
  private final AppLog log;
  private final HttpServer server;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(32, Supervisor.daemon("router"));
  private final HttpClient client;
  private final AtomicInteger next = new AtomicInteger();
  final LatencyWindow latencies = new LatencyWindow();

  /**
   * @param booting whether a web dyno is starting, so that a request may wait for it
   */
  Router(
      String app,
      int port,
      Supplier<List<Backend>> backends,
      BooleanSupplier booting,
      Duration bootWait,
      AppLog log)
      throws IOException {
    this.app = app;
    this.backends = backends;
    this.booting = booting;
    this.bootWait = bootWait;
    this.log = log;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange ex) throws IOException {
    long start = System.currentTimeMillis();
    long t0 = System.nanoTime();
    String id = ex.getRequestHeaders().getFirst("X-Request-Id");
    if (id == null || !id.matches("[-\\w.+=/]{20,200}")) {
      id = UUID.randomUUID().toString();
    }
    try (ex) {
      List<Backend> up = backends.get();
      long bootEnd = t0 + bootWait.toNanos();
      while (up.isEmpty() && booting.getAsBoolean() && System.nanoTime() < bootEnd) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        up = backends.get();
      }
      if (up.isEmpty() && booting.getAsBoolean()) {
        log.line(
            "heroku[router]",
            "at=error code=H20 desc=\"App boot timeout\" method="
                + ex.getRequestMethod()
                + " path=\""
                + ex.getRequestURI()
                + "\" request_id="
                + id);
        fail(
            ex,
            503,
            "No web dyno of "
                + app
                + " came up within "
                + bootWait.toSeconds()
                + " s; see `formation local logs "
                + app
                + "`.\n");
        return;
      }
      int first = Math.floorMod(next.getAndIncrement(), Math.max(1, up.size()));
      for (int i = 0; i < up.size(); i++) {
        Backend b = up.get((first + i) % up.size());
        HttpResponse<InputStream> res;
        try {
          res = client.send(request(ex, b, id, start), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException refused) {
          continue;
        } catch (IOException | RuntimeException e) {
          log.line(
              "heroku[router]",
              "at=error code=H13 desc=\"Request to dyno failed\" dyno="
                  + b.dyno()
                  + " request_id="
                  + id
                  + " error=\""
                  + e
                  + "\"");
          fail(ex, 503, "The dyno " + b.dyno() + " of " + app + " failed to answer.\n");
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        try {
          relay(ex, res);
        } catch (IOException | RuntimeException e) {
          log.line(
              "heroku[router]",
              "at=error code=H13 desc=\"Connection closed without"
                  + " response\" dyno="
                  + b.dyno()
                  + " request_id="
                  + id
                  + " error=\""
                  + e
                  + "\"");
          throw e;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        latencies.record(ms);
        log.line(
            "heroku[router]",
            "at=info method="
                + ex.getRequestMethod()
                + " path=\""
                + ex.getRequestURI()
                + "\" request_id="
                + id
                + " dyno="
                + b.dyno()
                + " service="
                + ms
                + "ms status="
                + res.statusCode());
        return;
      }
      log.line(
          "heroku[router]",
          "at=error code=H14 desc=\"No web processes running\" method="
              + ex.getRequestMethod()
              + " path=\""
              + ex.getRequestURI()
              + "\" request_id="
              + id);
      fail(
          ex,
          503,
          "No web dyno of "
              + app
              + " is up. Scale web above 0 (formation apply, or"
              + " `heroku ps:scale web=1 -a "
              + app
              + "`) and wait for it to boot.\n");
    }
  }

  private static void fail(HttpExchange ex, int status, String message) throws IOException {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  private HttpRequest request(HttpExchange ex, Backend b, String id, long start) {
    String len = ex.getRequestHeaders().getFirst("Content-Length");
    HttpRequest.BodyPublisher body;
    if (len != null && !len.equals("0")) {
      body =
          HttpRequest.BodyPublishers.fromPublisher(
              HttpRequest.BodyPublishers.ofInputStream(ex::getRequestBody), Long.parseLong(len));
    } else if (len == null && ex.getRequestHeaders().containsKey("Transfer-Encoding")) {
      body = HttpRequest.BodyPublishers.ofInputStream(ex::getRequestBody);
    } else {
      body = HttpRequest.BodyPublishers.noBody();
    }
    HttpRequest.Builder r =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + b.port() + ex.getRequestURI().toString()))
            .method(ex.getRequestMethod(), body);
    ex.getRequestHeaders()
        .forEach(
            (k, values) -> {
              if (!HOP.contains(k.toLowerCase(java.util.Locale.ROOT))
                  && !k.equalsIgnoreCase("X-Request-Id")
                  && !k.equalsIgnoreCase("X-Request-Start")) {
                values.forEach(v -> r.header(k, v));
              }
            });
    return r.header("X-Request-Id", id)
        .header("X-Request-Start", String.valueOf(start))
        .header("X-Forwarded-For", ex.getRemoteAddress().getAddress().getHostAddress())
        .header("X-Forwarded-Proto", "http")
        .header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()))
        .build();
  }

  private static void relay(HttpExchange ex, HttpResponse<InputStream> res) throws IOException {
    res.headers()
        .map()
        .forEach(
            (k, values) -> {
              if (!HOP.contains(k.toLowerCase(java.util.Locale.ROOT)) && !k.startsWith(":")) {
                values.forEach(v -> ex.getResponseHeaders().add(k, v));
              }
            });
    long len = res.headers().firstValueAsLong("Content-Length").orElse(-2);
    int status = res.statusCode();
    boolean empty =
        ex.getRequestMethod().equals("HEAD") || status == 204 || status == 304 || len == 0;
    ex.sendResponseHeaders(status, empty ? -1 : Math.max(0, len));
    try (InputStream in = res.body();
        OutputStream out = ex.getResponseBody()) {
      if (!empty) {
        in.transferTo(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
