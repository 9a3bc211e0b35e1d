package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.LocalHarness;
import dev.formation.platform.local.daemon.ManualClock;
import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.HttpLimits;
import dev.formation.testing.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The router against in-process backends: retries, headers, bodies, keep-alive, upgrades. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterTest {
  static final HttpLimits FAST =
      HttpLimits.DEFAULT.withTimeouts(
          Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofSeconds(30));

  @TempDir Path dir;
  HttpServer backend;
  final Set<Integer> backendPeers = ConcurrentHashMap.newKeySet();
  final Engine engine = engine();
  final ManualClock clock = new ManualClock();
  final List<Router> routers = new ArrayList<>();
  Router router;
  final HttpClient client = HttpClient.newHttpClient();

  /** The engine the routers run on: epoll where it loads ({@code RouterNioTest}: NIO). */
  Engine engine() {
    return new Engine(2);
  }

  @BeforeEach
  void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    backend.createContext(
        "/",
        ex -> {
          backendPeers.add(ex.getRemoteAddress().getPort());
          byte[] body = ex.getRequestBody().readAllBytes();
          var h = ex.getRequestHeaders();
          ex.getResponseHeaders().set("X-Seen-Id", h.getFirst("X-Request-Id"));
          ex.getResponseHeaders().set("X-Seen-Length", String.valueOf(body.length));
          ex.getResponseHeaders().set("X-Seen-Host", h.getFirst("Host"));
          ex.getResponseHeaders().set("X-Seen-For", h.getFirst("X-Forwarded-For"));
          ex.getResponseHeaders().set("X-Seen-Proto", h.getFirst("X-Forwarded-Proto"));
          ex.getResponseHeaders().set("X-Seen-Port", h.getFirst("X-Forwarded-Port"));
          ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    backend.start();
    int refused = closedPort();
    List<Router.Backend> backends =
        List.of(
            new Router.Backend("web.1", refused),
            new Router.Backend("web.2", backend.getAddress().getPort()));
    router = router(() -> backends, () -> false, dir.resolve("demo.log"));
  }

  @AfterEach
  void stop() {
    routers.forEach(Router::close);
    engine.close();
    backend.stop(0);
  }

  private Router router(
      Supplier<List<Router.Backend>> backends, java.util.function.BooleanSupplier booting, Path log)
      throws IOException {
    Router r =
        new Router(
            "demo",
            0,
            backends,
            booting,
            Duration.ofSeconds(20),
            new AppLog(log, 1 << 20, clock),
            engine,
            clock,
            FAST);
    routers.add(r);
    return r;
  }

  @Test
  void refusedDyno_isSkipped_everyRequestAnswered() throws Exception {
    for (int i = 0; i < 6; i++) {
      assertThat(send(HttpRequest.newBuilder(uri()).GET()).statusCode()).isEqualTo(200);
    }
    // recorded once the body is relayed, which the client may see first
    LocalHarness.await(
        "six response times",
        Duration.ofSeconds(5),
        () -> router.latencies.count(Duration.ofMinutes(1)) == 6);
  }

  @Test
  void requestBody_andResponseBody_passThroughWhole() throws Exception {
    byte[] body = new byte[3 << 20];
    new Random(7).nextBytes(body);
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(uri())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Seen-Length")).hasValue(String.valueOf(body.length));
    assertThat(r.body()).isEqualTo(body);
  }

  @Test
  void requestId_keptWhenPlausible_otherwiseNewAndUnique() throws Exception {
    String mine = "0f8fad5b-d9cb-469f-a165-70867728950e";
    assertThat(
            send(HttpRequest.newBuilder(uri()).header("X-Request-Id", mine))
                .headers()
                .firstValue("X-Seen-Id"))
        .hasValue(mine);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          send(HttpRequest.newBuilder(uri()).header("X-Request-Id", "x"))
              .headers()
              .firstValue("X-Seen-Id")
              .orElseThrow());
    }
    assertThat(ids).hasSize(3).allMatch(id -> id.matches("[-0-9a-f]{36}"));
  }

  @Test
  void theOriginalHostIsKept_andForwardedHeadersAreAdded_asHerokusRouterDoes() throws Exception {
    String raw =
        exchange(
            "GET /echo HTTP/1.1\r\nHost: shop.example:8080\r\nX-Forwarded-For: 10.0.0.7\r\n"
                + "Connection: close\r\n\r\n");
    assertThat(raw)
        .startsWith("HTTP/1.1 200")
        .containsIgnoringCase("X-Seen-Host: shop.example:8080")
        .containsIgnoringCase("X-Seen-For: 10.0.0.7, 127.0.0.1")
        .containsIgnoringCase("X-Seen-Proto: http")
        .containsIgnoringCase("X-Seen-Port: " + router.port());
  }

  @Test
  void keepAlive_manyRequestsOfOneClient_reuseOneDynoConnection() throws Exception {
    List<Router.Backend> one = List.of(new Router.Backend("web.1", backend.getAddress().getPort()));
    Router r = router(() -> one, () -> false, dir.resolve("keep.log"));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), r.port())) {
      s.setSoTimeout(5000);
      for (int i = 0; i < 20; i++) {
        s.getOutputStream()
            .write(
                ("POST /k HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                    .getBytes(StandardCharsets.US_ASCII));
        String head = readHead(s.getInputStream());
        assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
        assertThat(new String(s.getInputStream().readNBytes(5), StandardCharsets.US_ASCII))
            .isEqualTo("hello");
      }
    }
    assertThat(backendPeers).as("connections the dyno saw").hasSize(1);
  }

  @Test
  void webSocketUpgrade_isTunnelledBothWays() throws Exception {
    try (ServerSocket ws = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> seen =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = ws.accept()) {
                  String head = readHead(s.getInputStream());
                  OutputStream out = s.getOutputStream();
                  out.write(
                      ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                              + "Connection: Upgrade\r\nSec-WebSocket-Accept: abc=\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  byte[] ping = s.getInputStream().readNBytes(4);
                  out.write(("echo:" + new String(ping, StandardCharsets.US_ASCII)).getBytes());
                  out.flush();
                  return head;
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      List<Router.Backend> one = List.of(new Router.Backend("web.1", ws.getLocalPort()));
      Router r = router(() -> one, () -> false, dir.resolve("ws.log"));
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), r.port())) {
        s.setSoTimeout(5000);
        s.getOutputStream()
            .write(
                ("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String head = readHead(s.getInputStream());
        assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("upgrade: websocket");
        s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(s.getInputStream().readNBytes(9), StandardCharsets.US_ASCII))
            .isEqualTo("echo:ping");
      }
      assertThat(seen.get(5, TimeUnit.SECONDS))
          .containsIgnoringCase("upgrade: websocket")
          .containsIgnoringCase("connection: upgrade")
          .containsIgnoringCase("sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==");
    }
  }

  @Test
  void twoHundredHalfOpenConnections_leaveANormalRequestAnswered() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), router.port());
        s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        idle.add(s);
      }
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      // and each half-open one is cut off once its head is overdue
      idle.get(0).setSoTimeout(10_000);
      assertThat(idle.get(0).getInputStream().read()).isEqualTo(-1);
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void aBodyThatStalls_isCutOffWith408() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nonly this"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      // the dyno still waits for the body, so the router answers, and the connection ends
      assertThat(answer).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  void whileTheOnlyWebDynosBoot_aRequestWaitsForOne_asHerokusRouterQueuesIt() throws Exception {
    AtomicReference<List<Router.Backend>> up = new AtomicReference<>(List.of());
    AtomicInteger looks = new AtomicInteger();
    Router booting =
        router(
            () -> {
              // the dyno comes up after the router has looked a few times
              if (looks.incrementAndGet() == 3) {
                up.set(List.of(new Router.Backend("web.1", backend.getAddress().getPort())));
              }
              return up.get();
            },
            () -> true,
            dir.resolve("boot.log"));
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + booting.port() + "/")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(looks.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aWebDynoThatNeverComesUp_isA503WithH20_afterTheBootWait() throws Exception {
    AtomicInteger looks = new AtomicInteger();
    Router booting =
        router(
            () -> {
              looks.incrementAndGet();
              return List.of();
            },
            () -> true,
            dir.resolve("boot.log"));
    CompletableFuture<HttpResponse<String>> r =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + booting.port() + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    LocalHarness.await("the router waiting", Duration.ofSeconds(10), () -> looks.get() >= 2);
    assertThat(r).isNotDone();
    clock.advance(Duration.ofSeconds(20));
    assertThat(r.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    assertThat(r.get().body()).contains("No web dyno of demo came up within 20 s");
    awaitLog(dir.resolve("boot.log"), "code=H20");
  }

  @Test
  void noWebDyno_isA503WithH14_atOnce() throws Exception {
    Router none = router(List::of, () -> false, dir.resolve("none.log"));
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + none.port() + "/")));
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("No web dyno of demo is up");
    awaitLog(dir.resolve("none.log"), "code=H14");
  }

  /** Log lines are written within {@link AppLog#FLUSH_MS}; waits (boundedly) for one. */
  static void awaitLog(Path file, String text) throws Exception {
    LocalHarness.await(
        text + " in " + file.getFileName(),
        Duration.ofSeconds(5),
        () -> {
          try {
            return Files.exists(file) && Files.readString(file).contains(text);
          } catch (IOException e) {
            return false;
          }
        });
  }

  /**
   * A port nothing listens on (outside the ephemeral range, so no outgoing connection holds it).
   */
  static int closedPort() {
    return Ports.free();
  }

  private String exchange(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  static String readHead(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    while (!b.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      b.append((char) c);
    }
    return b.toString();
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + router.port() + "/echo?x=1");
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
