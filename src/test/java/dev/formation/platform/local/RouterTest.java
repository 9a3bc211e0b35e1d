package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The router against in-process backends: retries, headers, bodies both ways. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RouterTest {
  @TempDir Path dir;
  HttpServer backend;
  Router router;
  int routerPort;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    backend.createContext(
        "/",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().set("X-Seen-Id", ex.getRequestHeaders().getFirst("X-Request-Id"));
          ex.getResponseHeaders().set("X-Seen-Length", String.valueOf(body.length));
          ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    backend.start();
    int refused = LocalApiTest.freePort();
    routerPort = LocalApiTest.freePort();
    List<Router.Backend> backends =
        List.of(
            new Router.Backend("web.1", refused),
            new Router.Backend("web.2", backend.getAddress().getPort()));
    router =
        new Router(
            "demo",
            routerPort,
            () -> backends,
            () -> false,
            Duration.ofSeconds(5),
            new AppLog(dir.resolve("demo.log"), 1 << 20));
  }

  @AfterEach
  void stop() {
    router.close();
    backend.stop(0);
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
  void whileTheOnlyWebDynosBoot_aRequestWaitsForOne_asHerokusRouterQueuesIt() throws Exception {
    AtomicReference<List<Router.Backend>> up = new AtomicReference<>(List.of());
    int port = LocalApiTest.freePort();
    try (Router booting =
        new Router(
            "demo",
            port,
            up::get,
            () -> true,
            Duration.ofSeconds(20),
            new AppLog(dir.resolve("boot.log"), 1 << 20))) {
      CompletableFuture.runAsync(
          () -> {
            sleep(700);
            up.set(List.of(new Router.Backend("web.1", backend.getAddress().getPort())));
          });
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(500));
    }
  }

  @Test
  void aWebDynoThatNeverComesUp_isA503WithH20_afterTheBootWait() throws Exception {
    int port = LocalApiTest.freePort();
    AppLog log = new AppLog(dir.resolve("boot.log"), 1 << 20);
    try (Router booting =
        new Router("demo", port, List::of, () -> true, Duration.ofSeconds(1), log)) {
      HttpResponse<String> r =
          send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("No web dyno of demo came up within 1 s");
      assertThat(Files.readString(dir.resolve("boot.log"))).contains("code=H20");
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + routerPort + "/echo?x=1");
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
