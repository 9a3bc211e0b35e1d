package dev.formation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** formation ui's server without a browser: what it answers, what it refuses, what it edits. */
class UiServerTest {
  @TempDir Path dir;
  FakeHeroku fake;
  UiServer server;
  Path file;
  String token;

  @BeforeEach
  void start() throws Exception {
    fake = UiFixture.heroku();
    file = UiFixture.write(dir, "formation.yaml", UiFixture.FILE);
    server = UiServer.start(UiFixture.options(dir, List.of(file.getFileName()), fake.env()), 0);
    token = server.url().substring(server.url().indexOf("token=") + "token=".length());
  }

  @AfterEach
  void stop() {
    server.close();
    fake.close();
  }

  @Test
  void theUrl_isLoopback_andItsTokenHas256RandomBits() {
    assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}");
  }

  @Test
  void theState_showsDeclaredLiveDriftCostAndTheWeek() throws Exception {
    JsonNode state = json(get("/api/state"));
    JsonNode app = state.get("apps").get(0);
    assertThat(app.get("name").asString()).isEqualTo(UiFixture.APP);
    assertThat(app.get("platform").asString()).isEqualTo("heroku");
    assertThat(app.get("declared_cost").asString()).isEqualTo("$125");
    assertThat(app.get("live_cost").asString()).isEqualTo("$150");
    JsonNode web = app.get("processes").get(0);
    assertThat(web.get("quantity").asInt()).isEqualTo(2);
    assertThat(web.get("live_quantity").asInt()).isEqualTo(3);
    assertThat(web.get("drift").asString()).isEqualTo("unexpected");
    assertThat(app.get("processes").get(1).get("drift").asString()).isIn("in sync", "unexpected");
    JsonNode week = state.get("weeks").get(0);
    assertThat(week.get("zone").asString()).isEqualTo("Europe/Berlin");
    assertThat(week.get("to").asLong() - week.get("from").asLong()).isEqualTo(7 * 86400);
    assertThat(week.get("series")).hasSize(4);
    assertThat(week.get("x").size()).isEqualTo(week.get("series").get(1).get("values").size());
    // the worker's 3 from 01:00 to 04:00 every day: 7 rises, 7 falls, the two ends
    assertThat(week.get("x")).hasSize(16);
  }

  @Test
  void anAppThatCannotBeRead_showsItsDiagnostic_andTheOthersStillRender() throws Exception {
    Files.writeString(
        file,
        UiFixture.FILE
            + "  shop-gone:\n    processes:\n      web: {size: standard-1x, quantity: 1}\n");
    JsonNode apps = json(get("/api/state")).get("apps");
    assertThat(apps).hasSize(2);
    assertThat(apps.get(0).get("live_cost").asString()).isEqualTo("$150");
    JsonNode gone = apps.get(1);
    assertThat(gone.get("errors").get(0).get("code").asString()).isEqualTo("FM120");
    assertThat(gone.get("errors").get(0).get("message").asString()).contains("shop-gone");
    assertThat(gone.get("live_cost").isNull()).isTrue();
    assertThat(gone.get("declared_cost").asString()).isEqualTo("$25");
    assertThat(gone.get("processes").get(0).get("drift").asString()).isEqualTo("unknown");
  }

  @Test
  void anAppItsPlatformCannotPlan_showsThePlatformsOwnDiagnostic_notAReadError() throws Exception {
    // a local app whose router port another program (this JVM) holds: the local platform's
    // FM154, naming the holder, as `formation plan` shows it; the local platform is not running
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Procfile"), "web: sleep 60\n");
    try (var held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Files.writeString(
          file,
          UiFixture.FILE
              + "  shop-local:\n    platform: local\n    local: {dir: ./app, port: "
              + held.getLocalPort()
              + "}\n    processes:\n      web: {size: standard-1x, quantity: 1}\n");
      JsonNode apps = json(get("/api/state")).get("apps");
      assertThat(apps).hasSize(2);
      assertThat(apps.get(0).get("live_cost").asString()).isEqualTo("$150");
      JsonNode local = apps.get(1);
      assertThat(local.get("errors").get(0).get("code").asString()).isEqualTo("FM154");
      assertThat(local.get("errors").get(0).get("message").asString())
          .contains(String.valueOf(held.getLocalPort()))
          .contains("pid " + ProcessHandle.current().pid());
    }
  }

  @Test
  void anAutoscaledWeb_showsItsDeclaredAndItsLiveBand() throws Exception {
    fake.addApp("perf-ui", "cedar")
        .process("web", "Performance-M", 3)
        .monitor("LATENCY_SCALE", "scale", true, 2, 6, 400, false);
    Files.writeString(
        file,
        UiFixture.FILE
            + "  perf-ui:\n    processes:\n      web:\n        size: performance-m\n"
            + "        autoscale: {min: 2, max: 8, p95_ms: 500}\n");
    JsonNode web = json(get("/api/state")).get("apps").get(1).get("processes").get(0);
    assertThat(web.get("autoscale").asString()).isEqualTo("2..8, p95 500 ms");
    assertThat(web.get("live_autoscale").asString()).isEqualTo("2..6, p95 400 ms");
    assertThat(web.get("live_quantity").asInt()).isEqualTo(3);
    assertThat(web.get("drift").asString()).isEqualTo("unexpected");
  }

  @Test
  void theWeek_hasTheNumbersOfFormationSchedule() throws Exception {
    JsonNode week = json(get("/api/state")).get("weeks").get(0);
    String from = Instant.ofEpochSecond(week.get("from").asLong()).toString();
    CliRunner.Result run =
        CliRunner.in(dir, fake.env(), Environment.Terminal.NONE)
            .exec("schedule", "--format", "json", "--from", from);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode schedule = UiJson.MAPPER.readTree(run.out()).get("apps").get(0);
    assertThat(week.get("cost").asString())
        .isEqualTo("$" + schedule.get("weighted_usd").get("min").asLong());
    JsonNode worker = schedule.get("types").get(1);
    List<Long> changes = new ArrayList<>();
    worker
        .get("steps")
        .forEach(st -> changes.add(Instant.parse(st.get("at").asString()).getEpochSecond()));
    List<Long> x = new ArrayList<>();
    week.get("x").forEach(v -> x.add(v.asLong()));
    assertThat(x).containsAll(changes);
    JsonNode values = week.get("series").get(1).get("values");
    for (JsonNode st : worker.get("steps")) {
      int at = x.indexOf(Instant.parse(st.get("at").asString()).getEpochSecond());
      assertThat(values.get(at).asInt()).isEqualTo(st.get("quantity").asInt());
    }
  }

  @Test
  void liveReads_spendAtMostHalfOfHerokusHourlyBudget() {
    UiServer.Options fast = UiFixture.options(dir, List.of(file), fake.env());
    Snapshots snapshots =
        new Snapshots(new UiServer.Options(fast.config(), fast.host(), fast.settings(), "test"));
    assertThat(snapshots.every(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(snapshots.every(3)).isEqualTo(Duration.ofSeconds(10));
    assertThat(snapshots.every(6)).isEqualTo(Duration.ofMillis(19_200));
    // 500 apps, two requests each, at most 2,250 requests an hour: one read every 1,600 s
    assertThat(snapshots.every(500)).isEqualTo(Duration.ofSeconds(1600));
  }

  @Test
  void everyRequest_needsTheTokenAndALoopbackHost() throws Exception {
    assertThat(RawHttp.send(server.port(), "GET", "/api/state", Map.of(), null).status())
        .isEqualTo(401);
    assertThat(RawHttp.send(server.port(), "GET", "/static/app.js", Map.of(), null).status())
        .isEqualTo(401);
    assertThat(
            RawHttp.send(server.port(), "GET", "/", Map.of("Cookie", "formation_ui=nope"), null)
                .status())
        .isEqualTo(403);
    RawHttp.Answer rebound =
        RawHttp.send(
            server.port(),
            "GET",
            "/api/state",
            Map.of("Host", "evil.example:" + server.port(), "Cookie", cookie()),
            null);
    assertThat(rebound.status()).isEqualTo(403);
    assertThat(rebound.body()).doesNotContain(UiFixture.APP);
    for (String host : List.of("localhost:", "[::1]:", "127.0.0.1:")) {
      assertThat(
              RawHttp.send(
                      server.port(),
                      "GET",
                      "/static/app.css",
                      Map.of("Host", host + server.port(), "Cookie", cookie()),
                      null)
                  .status())
          .as(host)
          .isEqualTo(200);
    }
  }

  @Test
  void theFirstLoad_setsAStrictHttpOnlyCookie_andDropsTheTokenFromTheUrl() throws Exception {
    RawHttp.Answer first = RawHttp.send(server.port(), "GET", "/?token=" + token, Map.of(), null);
    assertThat(first.status()).isEqualTo(303);
    assertThat(first.headers().get("location")).isEqualTo("/");
    assertThat(first.headers().get("set-cookie"))
        .isEqualTo("formation_ui=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    RawHttp.Answer page = get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().get("content-security-policy"))
        .startsWith("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers()).containsEntry("x-content-type-options", "nosniff");
    assertThat(page.headers().keySet()).noneMatch(h -> h.startsWith("access-control-"));
    assertThat(page.body()).doesNotContain("<script>").contains("src=\"/static/app.js\"");
    assertThat(get("/static/uplot.js").body()).contains("uPlot");
  }

  @Test
  void aChange_needsAPostFromThePageWithItsCsrfValue() throws Exception {
    String body = "{\"app\":\"shop-ui\",\"type\":\"web\",\"quantity\":5}";
    assertThat(post(Map.of("Cookie", cookie()), body).status()).isEqualTo(403);
    assertThat(post(Map.of("Cookie", cookie(), Guard.CSRF_HEADER, "guess"), body).status())
        .isEqualTo(403);
    Map<String, String> page = Map.of("Cookie", cookie(), Guard.CSRF_HEADER, csrf());
    assertThat(post(with(page, "Origin", "http://evil.example"), body).status()).isEqualTo(403);
    assertThat(post(with(page, "Sec-Fetch-Site", "cross-site"), body).status()).isEqualTo(403);
    assertThat(RawHttp.send(server.port(), "GET", "/api/scale?app=shop-ui", page, null).status())
        .isEqualTo(405);
    assertThat(RawHttp.send(server.port(), "POST", "/api/state", page, "{}").status())
        .isEqualTo(405);
    assertThat(Files.readString(file)).isEqualTo(UiFixture.FILE);
    RawHttp.Answer ok =
        post(
            with(
                with(page, "Origin", "http://127.0.0.1:" + server.port()),
                "Sec-Fetch-Site",
                "same-origin"),
            body);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(Files.readString(file)).contains("quantity: 5    # the shop's front");
  }

  @Test
  void aQuantity_isEditedAsScaleDoes_withThePlanTheDiffAndAnUndo() throws Exception {
    Map<String, String> page = Map.of("Cookie", cookie(), Guard.CSRF_HEADER, csrf());
    JsonNode edit = json(post(page, "{\"app\":\"shop-ui\",\"type\":\"web\",\"quantity\":3}"));
    assertThat(edit.get("changed").asBoolean()).as(edit.toString()).isTrue();
    assertThat(Files.readString(file))
        .isEqualTo(UiFixture.FILE.replace("quantity: 2    #", "quantity: 3    #"));
    assertThat(edit.get("diff").asString())
        .contains("-        quantity: 2    # the shop's front")
        .contains("+        quantity: 3    # the shop's front");
    assertThat(edit.get("next").asString()).isEqualTo("formation apply -f formation.yaml");
    JsonNode plan = edit.get("plan");
    // live runs 3 webs already: the file now says so too
    assertThat(plan.get("summary").asString()).isEqualTo("No changes.");
    assertThat(plan.get("after").asString()).isEqualTo("$150");
    JsonNode undone = json(undo(page, edit.get("undo").asLong()));
    assertThat(undone.get("changed").asBoolean()).as(undone.toString()).isTrue();
    assertThat(Files.readString(file)).isEqualTo(UiFixture.FILE);
    assertThat(undone.get("plan").get("summary").asString())
        .isEqualTo("Plan: 0 to add, 1 to change, 0 to remove.");
  }

  @Test
  void theEditorsRefusals_areAnswered_andTheFileIsLeftAlone() throws Exception {
    Map<String, String> page = Map.of("Cookie", cookie(), Guard.CSRF_HEADER, csrf());
    JsonNode shared = json(post(page, "{\"app\":\"shop-ui\",\"type\":\"clock\",\"quantity\":2}"));
    assertThat(shared.get("refused").asBoolean()).isTrue();
    assertThat(shared.get("diagnostics").get(0).get("code").asString()).isEqualTo("FM170");
    JsonNode unknown = json(post(page, "{\"app\":\"nope\",\"type\":\"web\",\"quantity\":2}"));
    assertThat(unknown.get("refused").asBoolean()).isTrue();
    assertThat(Files.readString(file)).isEqualTo(UiFixture.FILE);
  }

  @Test
  void undo_refusesAFileChangedSinceTheEdit() throws Exception {
    Map<String, String> page = Map.of("Cookie", cookie(), Guard.CSRF_HEADER, csrf());
    JsonNode edit =
        json(post(page, "{\"app\":\"shop-ui\",\"type\":\"worker\",\"size\":\"standard-2x\"}"));
    assertThat(edit.get("changed").asBoolean()).as(edit.toString()).isTrue();
    String byHand = Files.readString(file) + "# a note added by hand\n";
    Files.writeString(file, byHand);
    JsonNode undone = json(undo(page, edit.get("undo").asLong()));
    assertThat(undone.get("refused").asBoolean()).isTrue();
    assertThat(undone.get("diagnostics").get(0).get("code").asString()).isEqualTo("FM190");
    assertThat(Files.readString(file)).isEqualTo(byHand);
  }

  @Test
  void aTakenPort_isACodedError() throws Exception {
    assertThatThrownBy(
            () -> UiServer.start(UiFixture.options(dir, List.of(file), fake.env()), server.port()))
        .isInstanceOf(BindException.class);
    CliRunner.Result run =
        CliRunner.in(dir, fake.env(), Environment.Terminal.NONE)
            .exec("ui", "--port", String.valueOf(server.port()));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error[FM191]: cannot listen on 127.0.0.1:" + server.port());
    assertThat(run.out()).isEmpty();
  }

  private String cookie() {
    return "formation_ui=" + token;
  }

  private String csrf() throws Exception {
    Matcher m = Pattern.compile("name=\"csrf\" content=\"([^\"]+)\"").matcher(get("/").body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private RawHttp.Answer get(String path) throws Exception {
    return RawHttp.send(server.port(), "GET", path, Map.of("Cookie", cookie()), null);
  }

  private RawHttp.Answer post(Map<String, String> headers, String body) throws Exception {
    return RawHttp.send(server.port(), "POST", "/api/scale", headers, body);
  }

  private RawHttp.Answer undo(Map<String, String> headers, long id) throws Exception {
    return RawHttp.send(server.port(), "POST", "/api/undo", headers, "{\"undo\":" + id + "}");
  }

  private static Map<String, String> with(Map<String, String> headers, String k, String v) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(k, v);
    return all;
  }

  private static JsonNode json(RawHttp.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return UiJson.MAPPER.readTree(answer.body());
  }
}
