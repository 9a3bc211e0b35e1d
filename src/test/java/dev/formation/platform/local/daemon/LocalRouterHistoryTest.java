package dev.formation.platform.local.daemon;

import static dev.formation.platform.local.daemon.LocalHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.http.HttpLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code GET /local/router/history}: the router's last hour, minute by minute, on the clock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalRouterHistoryTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  /** A web dyno that answers 500 on {@code /fail} and 200 elsewhere. */
  static final String SERVER_PY =
      String.join(
          "\n",
          "import os",
          "from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer",
          "class H(BaseHTTPRequestHandler):",
          "    def do_GET(self):",
          "        self.send_response(500 if self.path.startswith('/fail') else 200)",
          "        self.send_header('Content-Length', '2')",
          "        self.end_headers()",
          "        self.wfile.write(b'ok')",
          "    def log_message(self, *args):",
          "        pass",
          "ThreadingHTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()",
          "");

  @TempDir Path home;
  LocalHarness h;
  final HttpClient client = HttpClient.newHttpClient();
  private int sent;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void routerHistory_showsEachMinutesRequestsAndErrors_andTheQuietMinuteBetween() throws Exception {
    TinyApps.requirePython();
    ManualClock clock = new ManualClock();
    h = new LocalHarness(home, 0, clock, HttpLimits.DEFAULT);
    Path dir = h.app("demo", 0, "web: python3 server.py\n");
    Files.writeString(dir.resolve("server.py"), SERVER_PY);
    int port = h.json("GET", "/apps/demo", null).get("local").get("port").asInt();
    h.json("PATCH", "/apps/demo/formation/web", "{\"quantity\":1}");
    get(port, "/", 200);
    get(port, "/", 200);
    get(port, "/fail", 500);
    clock.advance(Duration.ofMinutes(2));
    get(port, "/", 200);

    JsonNode apps = h.json("GET", "/local/router/history", null).get("apps");
    assertThat(apps).hasSize(1);
    assertThat(apps.get(0).get("name").asString()).isEqualTo("demo");
    assertThat(apps.get(0).get("minutes").toString())
        .isEqualTo(
            "[{\"start\":\"2026-11-28T11:00:00Z\",\"seconds\":60,\"requests\":3,"
                + "\"errors_5xx\":1,\"p95_ms\":0},"
                + "{\"start\":\"2026-11-28T11:01:00Z\",\"seconds\":60,\"requests\":0,"
                + "\"errors_5xx\":0,\"p95_ms\":-1},"
                + "{\"start\":\"2026-11-28T11:02:00Z\",\"seconds\":0,\"requests\":1,"
                + "\"errors_5xx\":0,\"p95_ms\":0}]");
    assertThat(h.json("GET", "/local/router/history?app=demo", null))
        .isEqualTo(h.json("GET", "/local/router/history", null));
    assertThat(h.send("GET", "/local/router/history?app=nope", null).statusCode()).isEqualTo(404);
  }

  /** One request; returns once the router has recorded it (the client may see the answer first). */
  private void get(int port, String path, int status) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).build();
    assertThat(client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(status);
    int expected = ++sent;
    await(
        "the router recording request " + expected,
        WAIT,
        () -> h.daemon.routers.requests("demo", Duration.ofHours(1)) == expected);
  }
}
