package dev.formation.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Heroku Platform API (and metrics API, on the same server) that follows {@code
 * docs/heroku.md} strictly, for adapter, CLI and benchmark tests. Bound to 127.0.0.1 on an
 * ephemeral port; thread-safe; with configurable latency, page size and rate-limit budget,
 * injectable faults, and a log of every request received.
 */
public final class FakeHeroku implements AutoCloseable {
  static {
    // without TCP_NODELAY, loopback write-write-read exchanges stall on delayed ACKs (~40 ms);
    // the JDK server reads this once, when its first instance in the JVM starts
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final String token = "fake-" + UUID.randomUUID();
  private final Map<String, FakeApp> apps = new ConcurrentHashMap<>();
  private final Map<String, FakeApp> appsById = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<RecordedRequest> log = new ConcurrentLinkedQueue<>();
  private final List<FakeFault> faults = new CopyOnWriteArrayList<>();
  private final AtomicInteger remaining = new AtomicInteger(4500);
  private volatile Duration latency = Duration.ZERO;
  private volatile int pageSize = 200;

  private FakeHeroku(int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 512);
    pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fake-heroku");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake with 64 handler threads, enough for a parallel benchmark. */
  public static FakeHeroku start() {
    return start(64);
  }

  /** Starts a fake; each handler thread serves one request at a time, latency included. */
  public static FakeHeroku start(int threads) {
    try {
      return new FakeHeroku(threads);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Heroku API", e);
    }
  }

  /** The API URL ({@code http://127.0.0.1:PORT}); the metrics API is the same URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The one token the fake accepts as {@code Authorization: Bearer <token>}. */
  public String token() {
    return token;
  }

  /** The environment a CLI run needs to talk to this fake: HEROKU_API_KEY and HEROKU_HOST. */
  public Map<String, String> env() {
    return Map.of("HEROKU_API_KEY", token, "HEROKU_HOST", url());
  }

  /** Creates an app of generation {@code cedar} or {@code fir}; add its types with process(). */
  public FakeApp addApp(String name, String generation) {
    FakeApp app = new FakeApp(name, generation);
    if (apps.putIfAbsent(name, app) != null) {
      throw new IllegalArgumentException("app exists: " + name);
    }
    appsById.put(app.id, app);
    return app;
  }

  public FakeApp app(String name) {
    return apps.get(name);
  }

  /** How long every answer waits before it is sent. */
  public FakeHeroku latency(Duration d) {
    latency = d;
    return this;
  }

  /** The page size of formation lists (Heroku's default is 200). */
  public FakeHeroku pageSize(int n) {
    pageSize = n;
    return this;
  }

  /** Sets the remaining rate-limit budget; each counted request spends one; at 0: 429. */
  public FakeHeroku rateLimitRemaining(int n) {
    remaining.set(n);
    return this;
  }

  public int rateLimitRemaining() {
    return remaining.get();
  }

  /** Injects a fault; it applies to the next matching requests until spent. */
  public FakeHeroku inject(FakeFault fault) {
    faults.add(fault);
    return this;
  }

  /** Drops every fault not yet spent. */
  public void clearFaults() {
    faults.clear();
  }

  /** Every request received, in arrival order. */
  public List<RecordedRequest> requests() {
    return new ArrayList<>(log);
  }

  public List<RecordedRequest> requests(String method, String pathRegex) {
    return log.stream().filter(r -> r.is(method, pathRegex)).toList();
  }

  public void clearRequests() {
    log.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String body = readBody(ex);
    Map<String, List<String>> headers = new TreeMap<>();
    ex.getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    FakeResponse response;
    try {
      sleep(latency);
      FakeFault fault = faults.stream().filter(f -> f.take(method, path)).findFirst().orElse(null);
      faults.removeIf(FakeFault::spent);
      if (fault != null && fault.kind == FakeFault.Kind.DROP) {
        log.add(new RecordedRequest(method, path, headers, body, 0));
        ex.close();
        return;
      }
      if (fault != null && fault.kind == FakeFault.Kind.SLOW) {
        sleep(fault.delay);
        fault = null;
      }
      if (fault != null && fault.kind == FakeFault.Kind.ENDLESS_PAGES) {
        FakeResponse real = answer(ex, method, path, body);
        response = new FakeResponse(206, real.body(), Map.of("Next-Range", fault.nextRange()));
      } else if (fault != null && fault.kind == FakeFault.Kind.GARBLED) {
        FakeResponse real = answer(ex, method, path, body);
        response = new FakeResponse(real.status(), fault.body, Map.of());
      } else {
        response = fault != null ? FakeResponse.fault(fault) : answer(ex, method, path, body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
      return;
    } catch (RuntimeException e) {
      // a bug in the fake: answer it visibly instead of letting the server drop the connection
      response = FakeResponse.error(500, "fake_bug", String.valueOf(e));
    }
    log.add(new RecordedRequest(method, path, headers, body, response.status()));
    response.send(ex, remaining.get(), ex.getRequestHeaders().getFirst("Request-Id"));
  }

  private FakeResponse answer(HttpExchange ex, String method, String path, String body) {
    String accept = ex.getRequestHeaders().getFirst("Accept");
    if (!FakeRouter.acceptable(accept)) {
      return FakeResponse.error(
          406,
          "not_acceptable",
          "Please specify a version along with Heroku's API MIME type. For example, "
              + "`Accept: application/vnd.heroku+json; version=3`.");
    }
    if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      return FakeResponse.error(401, "unauthorized", "Invalid credentials provided.");
    }
    boolean counted = !(method.equals("GET") && path.equals("/account/rate-limits"));
    if (counted && remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return FakeResponse.error(
          429,
          "rate_limit",
          "Your account reached the API rate limit\nPlease wait a few minutes before making new "
              + "requests");
    }
    boolean hasBody = method.equals("PATCH") || method.equals("POST");
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (hasBody
        && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
      return FakeResponse.error(400, "bad_request", "Content-Type must be application/json.");
    }
    String range = ex.getRequestHeaders().getFirst("Range");
    return new FakeRouter(apps, appsById, pageSize).route(method, path, body, range, remaining);
  }

  private static String readBody(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void sleep(Duration d) throws InterruptedException {
    if (!d.isZero()) {
      Thread.sleep(d.toMillis());
    }
  }
}
