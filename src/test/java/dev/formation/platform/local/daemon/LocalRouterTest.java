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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

  @Test
  void autoscaler_addsDynosWhenSlow_andRemovesThemWhenFast_intervalByIntervalOnTheClock()
      throws Exception {
    TinyApps.requirePython();
    ManualClock clock = new ManualClock();
    h = new LocalHarness(home, 0, clock, HttpLimits.DEFAULT);
    Path dir = h.app("demo", 0, "web: python3 server.py\n");
    int port = h.json("GET", "/apps/demo", null).get("local").get("port").asInt();
    Files.writeString(dir.resolve("server.py"), TinyApps.SERVER_PY);
    Files.writeString(dir.resolve("delay"), "300");
    h.json("PATCH", "/apps/demo/formation/web", "{\"quantity\":1,\"size\":\"performance-m\"}");
    String id = h.json("GET", "/apps/demo", null).get("id").asString();
    h.json(
        "POST",
        "/apps/" + id + "/formation/web/monitors",
        "{\"action_type\":\"scale\","
            + "\"is_active\":true,\"op\":\"GREATER_OR_EQUAL\",\"period\":1,\"value\":150,"
            + "\"min_quantity\":1,\"max_quantity\":3,\"notification_channels\":[],"
            + "\"notification_period\":1440}");
    AtomicBoolean traffic = new AtomicBoolean(true);
    Thread load =
        new Thread(
            () -> {
              while (traffic.get()) {
                try {
                  get(port);
                } catch (Exception e) {
                  return;
                }
              }
            });
    load.setDaemon(true);
    load.start();
    Duration interval = h.settings.autoscaleInterval();
    try {
      // each interval: some responses recorded at the clock's present, then the clock moves on
      for (int i = 0; i < 40 && webQuantity() < 3; i++) {
        await(
            "a response in this interval",
            WAIT,
            () -> h.daemon.routers.requests("demo", interval) > 0);
        clock.advance(interval);
      }
      assertThat(webQuantity()).isEqualTo(3);
      Files.writeString(dir.resolve("delay"), "0");
      for (int i = 0; i < 40 && webQuantity() > 1; i++) {
        await(
            "a response in this interval",
            WAIT,
            () -> h.daemon.routers.requests("demo", interval) > 0);
        clock.advance(interval);
      }
      assertThat(webQuantity()).isEqualTo(1);
    } finally {
      traffic.set(false);
      load.join(5000);
    }
    JsonNode auto = h.json("GET", "/local/status", null).get("apps").get(0).get("autoscale");
    // "cooling down" shows only when the interval after a step has measured requests, which
    // depends on when the tick runs against the load thread; the wording is LocalStatusTextTest's
    assertThat(auto.get("decisions").toString())
        .contains("above target 150 ms")
        .contains("below half of target 150 ms for 3 intervals");
    assertThat(h.log("demo")).contains("heroku[autoscaler] | scale web 1 -> 2: p95 ");
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
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
