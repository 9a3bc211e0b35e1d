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
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalRouterTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path home;
  LocalHarness h;
  final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void router_answersFromBothWebDynos_withRequestHeaders() throws Exception {
    TinyApps.requirePython();
    h = new LocalHarness(home);
    Path dir = h.app("demo", 0, "web: python3 server.py\n");
    // registered on port 0: the router's port is the one the system gave it
    int port = h.json("GET", "/apps/demo", null).get("local").get("port").asInt();
    assertThat(port).isPositive();
    Files.writeString(dir.resolve("server.py"), TinyApps.SERVER_PY);

    assertThat(get(port).statusCode()).isEqualTo(503);
    assertThat(get(port).body()).contains("No web dyno of demo is up");

    h.json("PATCH", "/apps/demo/formation/web", "{\"quantity\":2}");
    await(
        "two web dynos up",
        WAIT,
        () ->
            h.daemon.dynos(h.daemon.app("demo")).stream()
                    .filter(d -> "up".equals(d.state()))
                    .count()
                == 2);
    Set<String> dynos = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = get(port);
      assertThat(r.statusCode()).isEqualTo(200);
      String[] f = r.body().split(" ");
      dynos.add(f[0]);
      assertThat(f[1]).matches("[-0-9a-f]{36}");
      assertThat(Long.parseLong(f[2]))
          .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }
    assertThat(dynos).containsExactlyInAnyOrder("web.1", "web.2");
    // a response time is recorded once the body is relayed, which the client may see first
    await("six requests in the status", WAIT, () -> requestsLastMinute() == 6);
    assertThat(h.log("demo")).contains("heroku[router] | at=info method=GET path=\"/\"");
  }

  /**
   * The router times requests on the daemon's clock, here the test's. So that no request is ever
   * timed across a move of the clock by accident, the test alone sends requests, one at a time, and
   * moves the clock only once the router has recorded the last one; a slow request is one the dyno
   * holds while the test moves the clock by {@link #SLOW}.
   */
  @Test
  void autoscaler_addsDynosWhenSlow_andRemovesThemWhenFast_intervalByIntervalOnTheClock()
      throws Exception {
    TinyApps.requirePython();
    ManualClock clock = new ManualClock();
    h = new LocalHarness(home, 0, clock, HttpLimits.DEFAULT);
    Path dir = h.app("demo", 0, "web: python3 server.py\n");
    int port = h.json("GET", "/apps/demo", null).get("local").get("port").asInt();
    Files.writeString(dir.resolve("server.py"), TinyApps.SERVER_PY);
    h.json("PATCH", "/apps/demo/formation/web", "{\"quantity\":1,\"size\":\"performance-m\"}");
    String id = h.json("GET", "/apps/demo", null).get("id").asString();
    h.json(
        "POST",
        "/apps/" + id + "/formation/web/monitors",
        "{\"action_type\":\"scale\","
            + "\"is_active\":true,\"op\":\"GREATER_OR_EQUAL\",\"period\":1,\"value\":150,"
            + "\"min_quantity\":1,\"max_quantity\":3,\"notification_channels\":[],"
            + "\"notification_period\":1440}");
    Duration interval = h.settings.autoscaleInterval();
    assertThat(SLOW).isLessThan(interval);
    int intervals = 0;
    // slow: up one dyno, a cooldown interval, up one more
    while (webQuantity() < 3 && intervals++ < 10) {
      slowRequest(port, dir, clock);
      clock.advance(interval.minus(SLOW));
    }
    assertThat(webQuantity()).isEqualTo(3);
    assertThat(intervals).as("intervals to go from 1 to 3 dynos").isEqualTo(3);
    // fast: down one dyno after three calm intervals, then three more, down to the minimum
    intervals = 0;
    while (webQuantity() > 1 && intervals++ < 20) {
      fastRequest(port);
      clock.advance(interval);
    }
    assertThat(webQuantity()).isEqualTo(1);
    assertThat(intervals).as("intervals to go from 3 to 1 dyno").isEqualTo(6);
    JsonNode auto = h.json("GET", "/local/status", null).get("apps").get(0).get("autoscale");
    assertThat(auto.get("decisions").toString())
        .contains("p95 300 ms above target 150 ms")
        .contains("p95 300 ms above target 150 ms, cooling down")
        .contains("p95 0 ms below half of target 150 ms for 3 intervals");
    assertThat(h.log("demo")).contains("heroku[autoscaler] | scale web 1 -> 2: p95 300 ms");
  }

  /** How long a slow request takes on the clock. */
  static final Duration SLOW = Duration.ofMillis(300);

  private int sent;

  /**
   * One request that the dyno holds while the clock moves on by {@link #SLOW}; returns once the
   * router has recorded it.
   */
  private void slowRequest(int port, Path dir, ManualClock clock) throws Exception {
    Path hold = dir.resolve("hold");
    Path held = dir.resolve("held");
    Files.deleteIfExists(held);
    Files.writeString(hold, "");
    CompletableFuture<HttpResponse<String>> response =
        client.sendAsync(request(port), HttpResponse.BodyHandlers.ofString());
    // the dyno has it, so the router has started its timing
    await("the dyno holding the request", WAIT, () -> Files.exists(held));
    clock.advance(SLOW);
    Files.delete(hold);
    assertThat(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    awaitRecorded();
  }

  /** One request answered at once, on a clock that stands still; returns once it is recorded. */
  private void fastRequest(int port) throws Exception {
    assertThat(get(port).statusCode()).isEqualTo(200);
    awaitRecorded();
  }

  /** The client may see the response before the router records its time: waits for that too. */
  private void awaitRecorded() throws Exception {
    int expected = ++sent;
    await(
        "the router recording request " + expected,
        WAIT,
        () -> h.daemon.routers.requests("demo", Duration.ofHours(1)) == expected);
  }

  private int requestsLastMinute() {
    try {
      return h.json("GET", "/local/status", null)
          .get("apps")
          .get(0)
          .get("router")
          .get("requests_last_minute")
          .asInt();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private int webQuantity() {
    return h.daemon.app("demo").process("web").orElseThrow().quantity();
  }

  private HttpResponse<String> get(int port) throws Exception {
    return client.send(request(port), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(int port) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(WAIT)
        .build();
  }
}
