package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake itself answers as docs/heroku.md says, checked with raw HTTP requests. */
class FakeHerokuTest {
  static final String ACCEPT = "application/vnd.heroku+json; version=3";
  final HttpClient client = HttpClient.newHttpClient();
  FakeHeroku fake;
  FakeApp shop;

  @BeforeEach
  void start() {
    fake = FakeHeroku.start();
    shop = fake.addApp("shop", "cedar").process("web", "basic", 1).process("worker", "basic", 1);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  HttpResponse<String> call(String method, String path, String body, String accept, String auth)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.url() + path));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> call(String method, String path, String body) throws Exception {
    return call(method, path, body, ACCEPT, "Bearer " + fake.token());
  }

  @Test
  void missingOrWrongAccept_is406NotAcceptable() throws Exception {
    for (String accept : new String[] {null, "application/json", "application/vnd.heroku+json"}) {
      HttpResponse<String> r = call("GET", "/apps/shop", null, accept, "Bearer " + fake.token());
      assertThat(r.statusCode()).isEqualTo(406);
      assertThat(r.body()).contains("\"id\":\"not_acceptable\"");
    }
    assertThat(
            call("GET", "/apps/shop", null, ACCEPT + ".sdk", "Bearer " + fake.token()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void env_pointsACliAtTheFake() throws Exception {
    assertThat(fake.env())
        .containsEntry("HEROKU_API_KEY", fake.token())
        .containsEntry("HEROKU_HOST", fake.url());
    assertThat(fake.url()).startsWith("http://127.0.0.1:");
    assertThat(call("GET", "/account", null).body()).contains("\"email\"");
  }

  @Test
  void missingOrWrongToken_is401Unauthorized() throws Exception {
    assertThat(call("GET", "/account", null, ACCEPT, null).body())
        .isEqualTo("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}");
    assertThat(call("GET", "/account", null, ACCEPT, "Bearer nope").statusCode()).isEqualTo(401);
  }

  @Test
  void everyAnswer_carriesRateLimitAndRequestIdHeaders() throws Exception {
    fake.rateLimitRemaining(10);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(fake.url() + "/account"))
            .header("Accept", ACCEPT)
            .header("Authorization", "Bearer " + fake.token())
            .header("Request-Id", "abc-123")
            .build();

    HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());

    assertThat(r.headers().firstValue("RateLimit-Remaining")).contains("9");
    assertThat(r.headers().firstValue("RateLimit-Multiplier")).contains("1");
    assertThat(r.headers().firstValue("Request-Id")).contains("abc-123");
    assertThat(call("GET", "/account/rate-limits", null).body()).isEqualTo("{\"remaining\":9}");
    assertThat(call("GET", "/account/rate-limits", null).body()).isEqualTo("{\"remaining\":9}");
  }

  @Test
  void exhaustedBudget_is429RateLimit() throws Exception {
    fake.rateLimitRemaining(1);
    assertThat(call("GET", "/apps/shop", null).statusCode()).isEqualTo(200);

    HttpResponse<String> r = call("GET", "/apps/shop", null);

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.body()).contains("\"id\":\"rate_limit\"");
  }

  @Test
  void unknownApp_is404() throws Exception {
    HttpResponse<String> r = call("GET", "/apps/nope/formation", null);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo("{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}");
  }

  @Test
  void badBatchBodies_are422InvalidParams() throws Exception {
    for (String body :
        new String[] {
          "{}",
          "{\"updates\":{}}",
          "{\"updates\":[{\"quantity\":1}]}",
          "{\"updates\":[{\"type\":\"web\",\"command\":\"x\"}]}",
          "{\"updates\":[{\"type\":\"web\",\"quantity\":1.5}]}",
          "{\"updates\":[{\"type\":\"web\",\"dyno_size\":\"basic\"}]}"
        }) {
      HttpResponse<String> r = call("PATCH", "/apps/shop/formation", body);
      assertThat(r.statusCode()).as(body).isEqualTo(422);
      assertThat(r.body()).as(body).contains("\"id\":\"invalid_params\"");
    }
    assertThat(shop.quantity("web")).isEqualTo(1);
  }

  @Test
  void unknownType_is404NamingIt() throws Exception {
    HttpResponse<String> r =
        call(
            "PATCH", "/apps/shop/formation", "{\"updates\":[{\"type\":\"clock\",\"quantity\":1}]}");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"message\":\"Couldn't find that process type (clock).\"");
  }

  @Test
  void tierMove_perTypeFails_butOneBatchSucceeds() throws Exception {
    HttpResponse<String> single =
        call("PATCH", "/apps/shop/formation/worker", "{\"size\":\"standard-1x\"}");
    assertThat(single.statusCode()).isEqualTo(422);
    assertThat(single.body())
        .contains("Cannot use the following dyno types in the same app: Basic and Standard-1X");

    HttpResponse<String> batch =
        call(
            "PATCH",
            "/apps/shop/formation",
            "{\"updates\":[{\"type\":\"web\",\"size\":\"STANDARD-2x\"},"
                + "{\"type\":\"worker\",\"dyno_size\":{\"name\":\"standard-1x\"}}]}");

    assertThat(batch.statusCode()).isEqualTo(200);
    assertThat(shop.size("web")).isEqualTo("Standard-2X");
    assertThat(shop.size("worker")).isEqualTo("Standard-1X");
  }

  @Test
  void stringQuantities_absoluteAndRelative_areAccepted() throws Exception {
    call("PATCH", "/apps/shop/formation", "{\"updates\":[{\"type\":\"web\",\"quantity\":\"0\"}]}");
    assertThat(shop.quantity("web")).isZero();
    call("PATCH", "/apps/shop/formation", "{\"updates\":[{\"type\":\"web\",\"quantity\":\"+1\"}]}");
    assertThat(shop.quantity("web")).isEqualTo(1);
    call("PATCH", "/apps/shop/formation", "{\"updates\":[{\"type\":\"web\",\"quantity\":\"-1\"}]}");
    assertThat(shop.quantity("web")).isZero();
  }

  @Test
  void limits_andLegacyNames_are422WithHerokusMessages() throws Exception {
    assertThat(call("PATCH", "/apps/shop/formation/web", "{\"quantity\":2}").body())
        .contains("Cannot update to more than 1 Basic size dynos per process type.");
    assertThat(call("PATCH", "/apps/shop/formation/web", "{\"size\":\"1X\"}").statusCode())
        .isEqualTo(422);
    FakeApp big = fake.addApp("big", "cedar").process("web", "performance-m", 1);
    assertThat(
            call(
                    "PATCH",
                    "/apps/big/formation",
                    "{\"updates\":[{\"type\":\"web\"," + "\"quantity\":11}]}")
                .body())
        .contains("Cannot scale to more than 10 Performance-M size dynos per process type.");
    assertThat(big.quantity("web")).isEqualTo(1);
  }

  @Test
  void firSizes_areReturnedLowercase_andCedarSizesRefused() throws Exception {
    FakeApp fir = fake.addApp("edge", "fir").process("web", "dyno-1c-0.5gb", 1);

    assertThat(
            call(
                    "PATCH",
                    "/apps/edge/formation",
                    "{\"updates\":[{\"type\":\"web\",\"dyno_size\":{\"name\":\"DYNO-2C-4GB\"}}]}")
                .body())
        .contains("\"name\":\"dyno-2c-4gb\"");
    assertThat(fir.size("web")).isEqualTo("dyno-2c-4gb");
    assertThat(
            call(
                    "PATCH",
                    "/apps/edge/formation",
                    "{\"updates\":[{\"type\":\"web\",\"size\":\"standard-1x\"}]}")
                .statusCode())
        .isEqualTo(422);
  }

  @Test
  void monitors_onlyForAutoscaleWeb_oneScaleMonitor_patchIs202() throws Exception {
    String create =
        "{\"name\":\"LATENCY_SCALE\",\"action_type\":\"scale\",\"is_active\":true,"
            + "\"op\":\"GREATER_OR_EQUAL\",\"period\":1,\"value\":500,\"min_quantity\":1,"
            + "\"max_quantity\":4,\"notification_channels\":[],\"notification_period\":1440}";
    String monitors = "/apps/" + shop.id() + "/formation/web/monitors";
    assertThat(call("POST", monitors, create).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/apps/shop/formation/web/monitors", create).statusCode())
        .isEqualTo(404);

    FakeApp perf =
        fake.addApp("perf", "cedar")
            .process("web", "performance-l", 2)
            .process("worker", "performance-l", 1);
    String base = "/apps/" + perf.id() + "/formation/";
    assertThat(call("POST", base + "worker/monitors", create).statusCode()).isEqualTo(403);
    HttpResponse<String> created = call("POST", base + "web/monitors", create);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(call("POST", base + "web/monitors", create).statusCode()).isEqualTo(409);
    String id = perf.monitors().get(0).id;
    assertThat(
            call(
                    "PATCH",
                    base + "web/monitors/" + id,
                    "{\"is_active\":false,\"op\":\"GREATER_OR_EQUAL\",\"period\":1}")
                .statusCode())
        .isEqualTo(202);
    assertThat(perf.monitors().get(0).active).isFalse();
    assertThat(call("PATCH", base + "web/monitors/" + id, "{\"is_active\":true}").statusCode())
        .isEqualTo(422);
  }

  @Test
  void scalingWebByHand_turnsAutoscalingOff() throws Exception {
    FakeApp perf = fake.addApp("perf", "cedar").process("web", "performance-l", 2);
    perf.monitor("LATENCY_SCALE", "scale", true, 1, 4, 500, false);

    call("PATCH", "/apps/perf/formation", "{\"updates\":[{\"type\":\"web\",\"quantity\":3}]}");

    assertThat(perf.monitors().get(0).active).isFalse();
  }

  @Test
  void requestLog_recordsMethodPathHeadersBodyAndStatus() throws Exception {
    call("PATCH", "/apps/shop/formation", "{\"updates\":[{\"type\":\"web\",\"quantity\":0}]}");

    RecordedRequest r = fake.requests().get(0);
    assertThat(r.toString())
        .isEqualTo(
            "PATCH /apps/shop/formation -> 200 {\"updates\":[{\"type\":\"web\",\"quantity\":0}]}");
    assertThat(r.header("content-type")).isEqualTo("application/json");
  }
}
