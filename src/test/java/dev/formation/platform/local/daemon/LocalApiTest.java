package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.DaemonLauncher;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalApiTest {
  @TempDir Path home;
  LocalHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LocalHarness(home);
    h.app("demo", 0, "web: sleep 1000\nworker: sleep 1000\n");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void api_withoutToken_is401() throws Exception {
    HttpResponse<String> r = h.send("GET", "/apps", null, null, LocalHarness.ACCEPT);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"id\":\"unauthorized\"");
    assertThat(h.send("GET", "/apps", null, "Bearer wrong", LocalHarness.ACCEPT).statusCode())
        .isEqualTo(401);
  }

  @Test
  void api_wrongAccept_is406_sdkVariantAccepted() throws Exception {
    String auth = "Bearer " + h.token();
    HttpResponse<String> r = h.send("GET", "/apps", null, auth, "application/json");
    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(r.body()).contains("not_acceptable");
    assertThat(
            h.send("GET", "/account", null, auth, "application/vnd.heroku+json; version=3.sdk")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void api_everyResponse_carriesRequestIdAndRateLimit() throws Exception {
    HttpResponse<String> r = h.send("GET", "/apps/demo", null);
    assertThat(r.headers().firstValue("Request-Id")).isPresent();
    assertThat(r.headers().firstValue("RateLimit-Remaining").map(Integer::parseInt))
        .hasValueSatisfying(n -> assertThat(n).isBetween(4000, 4500));
  }

  @Test
  void token_isCreatedOwnerOnly() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h.settings.tokenFile())))
        .isEqualTo("rw-------");
    assertThat(h.token()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void register_fromProcfile_listsEveryTypeAtZero() throws Exception {
    JsonNode app = h.json("GET", "/apps/demo", null);
    assertThat(app.get("generation").get("name").asString()).isEqualTo("cedar");
    JsonNode formation = h.json("GET", "/apps/demo/formation", null);
    assertThat(formation).hasSize(2);
    JsonNode web = formation.get(0);
    assertThat(web.get("type").asString()).isEqualTo("web");
    assertThat(web.get("quantity").asInt()).isZero();
    assertThat(web.get("command").asString()).isEqualTo("sleep 1000");
    assertThat(web.get("dyno_size").get("name").asString()).isEqualTo("Standard-1X");
    assertThat(web.get("app").get("id").asString()).isEqualTo(app.get("id").asString());
    assertThat(h.json("GET", "/apps/" + app.get("id").asString(), null).get("name").asString())
        .isEqualTo("demo");
  }

  @Test
  void patch_sizeStringAndStringQuantity_likeTheHerokuCli() throws Exception {
    JsonNode r =
        h.json(
            "PATCH",
            "/apps/demo/formation",
            "{\"updates\":[{\"type\":\"worker\",\"quantity\":\"2\",\"size\":\"standard-2x\"}]}");
    assertThat(r.get(0).get("size").asString()).isEqualTo("Standard-2X");
    assertThat(r.get(0).get("quantity").asInt()).isEqualTo(2);
    JsonNode plus = h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":\"+1\"}");
    assertThat(plus.get("quantity").asInt()).isEqualTo(3);
    JsonNode minus = h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":\"-2\"}");
    assertThat(minus.get("quantity").asInt()).isEqualTo(1);
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":0}");
  }

  @Test
  void patch_tierMix_is422WithHerokusMessage() throws Exception {
    HttpResponse<String> r =
        h.send(
            "PATCH",
            "/apps/demo/formation",
            "{\"updates\":[{\"type\":\"web\",\"dyno_size\":{\"name\":\"basic\"}}]}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains("invalid_params")
        .contains("Cannot use the following dyno types in the same app: Basic and Standard-1X");
  }

  @Test
  void patch_batchTierMove_isAccepted() throws Exception {
    JsonNode r =
        h.json(
            "PATCH",
            "/apps/demo/formation",
            "{\"updates\":[{\"type\":\"web\",\"dyno_size\":{\"name\":\"basic\"}},"
                + "{\"type\":\"worker\",\"size\":\"Basic\"}]}");
    assertThat(r).hasSize(2);
    assertThat(r.get(1).get("dyno_size").get("name").asString()).isEqualTo("Basic");
  }

  @Test
  void patch_overPerTypeLimit_is422() throws Exception {
    HttpResponse<String> r =
        h.send(
            "PATCH",
            "/apps/demo/formation",
            "{\"updates\":[{\"type\":\"web\",\"quantity\":11,\"size\":\"performance-m\"},"
                + "{\"type\":\"worker\",\"size\":\"performance-m\"}]}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains("Cannot scale to more than 10 Performance-M size dynos per process type.");
  }

  @Test
  void patch_unknownType_is404_legacySize_is422() throws Exception {
    HttpResponse<String> r =
        h.send(
            "PATCH", "/apps/demo/formation", "{\"updates\":[{\"type\":\"clock\",\"quantity\":1}]}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Couldn't find that process type (clock).");
    HttpResponse<String> legacy = h.send("PATCH", "/apps/demo/formation/web", "{\"size\":\"1X\"}");
    assertThat(legacy.statusCode()).isEqualTo(422);
    assertThat(legacy.body()).contains("Standard-1X");
    assertThat(h.send("PATCH", "/apps/demo/formation/web", "{\"quantity\":-1}").statusCode())
        .isEqualTo(422);
  }

  @Test
  void monitors_onlyOnAutoscaleSizes_oneScaleMonitor() throws Exception {
    String id = h.json("GET", "/apps/demo", null).get("id").asString();
    String create =
        "{\"action_type\":\"scale\",\"is_active\":true,\"op\":\"GREATER_OR_EQUAL\","
            + "\"period\":1,\"value\":500,\"min_quantity\":1,\"max_quantity\":3,"
            + "\"notification_channels\":[],\"notification_period\":1440}";
    HttpResponse<String> forbidden =
        h.send("POST", "/apps/" + id + "/formation/web/monitors", create);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    h.json(
        "PATCH",
        "/apps/demo/formation",
        "{\"updates\":[{\"type\":\"web\",\"size\":"
            + "\"performance-m\"},{\"type\":\"worker\",\"size\":\"performance-m\"}]}");
    HttpResponse<String> created =
        h.send("POST", "/apps/" + id + "/formation/web/monitors", create);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode m = Json.MAPPER.readTree(created.body());
    assertThat(m.get("name").asString()).isEqualTo("LATENCY_SCALE");
    assertThat(h.send("POST", "/apps/" + id + "/formation/web/monitors", create).statusCode())
        .isEqualTo(409);
    HttpResponse<String> off =
        h.send(
            "PATCH",
            "/apps/" + id + "/formation/web/monitors/" + m.get("id").asString(),
            "{\"is_active\":false,\"op\":\"GREATER_OR_EQUAL\",\"period\":1}");
    assertThat(off.statusCode()).isEqualTo(202);
    JsonNode list = h.json("GET", "/apps/" + id + "/formation/web/monitors", null);
    assertThat(list.get(0).get("is_active").asBoolean()).isFalse();
    assertThat(list.get(0).get("max_quantity").asInt()).isEqualTo(3);
  }

  @Test
  void manualWebScale_turnsAutoscalingOff_likeHeroku() throws Exception {
    String id = h.json("GET", "/apps/demo", null).get("id").asString();
    h.json(
        "PATCH",
        "/apps/demo/formation",
        "{\"updates\":[{\"type\":\"web\",\"size\":"
            + "\"performance-m\"},{\"type\":\"worker\",\"size\":\"performance-m\"}]}");
    h.json(
        "POST",
        "/apps/" + id + "/formation/web/monitors",
        "{\"action_type\":\"scale\","
            + "\"is_active\":true,\"value\":500,\"min_quantity\":2,\"max_quantity\":4}");
    assertThat(h.json("GET", "/apps/demo/formation/web", null).get("quantity").asInt())
        .as("enabling clamps web into [min, max]")
        .isEqualTo(2);
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");
    assertThat(
            h.json("GET", "/apps/" + id + "/formation/web/monitors", null)
                .get(0)
                .get("is_active")
                .asBoolean())
        .isTrue();
    h.json("PATCH", "/apps/demo/formation/web", "{\"quantity\":3}");
    assertThat(
            h.json("GET", "/apps/" + id + "/formation/web/monitors", null)
                .get(0)
                .get("is_active")
                .asBoolean())
        .isFalse();
  }

  @Test
  void patch_ecoFirAndAppLimits_are422() throws Exception {
    HttpResponse<String> eco =
        h.send(
            "PATCH",
            "/apps/demo/formation",
            "{\"updates\":[{\"type\":\"web\",\"quantity\":2,\"size\":\"eco\"},"
                + "{\"type\":\"worker\",\"size\":\"eco\"}]}");
    assertThat(eco.statusCode()).isEqualTo(422);
    assertThat(eco.body())
        .contains("Cannot update to more than 1 Eco size dynos per process type.");
    HttpResponse<String> fir =
        h.send("PATCH", "/apps/demo/formation/web", "{\"dyno_size\":{\"name\":\"dyno-1c-0.5gb\"}}");
    assertThat(fir.statusCode()).isEqualTo(422);
    assertThat(fir.body()).contains("Fir");
    HttpResponse<String> many =
        h.send(
            "PATCH",
            "/apps/demo/formation",
            "{\"updates\":[{\"type\":\"web\",\"quantity\":60},"
                + "{\"type\":\"worker\",\"quantity\":41}]}");
    assertThat(many.statusCode()).isEqualTo(422);
    assertThat(many.body()).contains("Cannot scale to more than 100 dynos per app.");
    assertThat(h.json("GET", "/apps/demo/formation/web", null).get("quantity").asInt())
        .as("a refused batch changes nothing")
        .isZero();
  }

  @Test
  void register_onAPortInUse_is422_andBadDirToo() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path dir = Files.createDirectories(home.resolve("other"));
      Files.writeString(dir.resolve("Procfile"), "web: sleep 1000\n");
      HttpResponse<String> r =
          h.send(
              "PUT",
              "/apps/other",
              "{\"dir\":\"" + dir + "\",\"port\":" + taken.getLocalPort() + "}");
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.body()).contains("is not free on 127.0.0.1");
      Files.delete(dir.resolve("Procfile"));
      HttpResponse<String> noProcfile =
          h.send("PUT", "/apps/other", "{\"dir\":\"" + dir + "\",\"port\":0}");
      assertThat(noProcfile.statusCode()).isEqualTo(422);
      assertThat(noProcfile.body()).contains("No Procfile in");
      assertThat(h.send("GET", "/apps/other", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void register_ofAProcfileThatDeclaresATypeTwice_is422_asValidateRefusesIt() throws Exception {
    Path dir = Files.createDirectories(home.resolve("twice"));
    Files.writeString(dir.resolve("Procfile"), "web: sleep 1000\nworker: sleep 1\nweb: sleep 2\n");

    HttpResponse<String> r = h.send("PUT", "/apps/twice", "{\"dir\":\"" + dir + "\",\"port\":0}");

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("Procfile line 3: `web` is declared twice");
    assertThat(h.send("GET", "/apps/twice", null).statusCode()).isEqualTo(404);
  }

  @Test
  void herokuCliAppsAndAppsInfo_findWhatTheyAskFor() throws Exception {
    assertThat(h.json("GET", "/users/~/apps", null).get(0).get("name").asString())
        .isEqualTo("demo");
    assertThat(h.json("GET", "/apps/demo/addons", null)).isEmpty();
    assertThat(h.json("GET", "/apps/demo/collaborators", null)).isEmpty();
    assertThat(h.json("GET", "/apps/demo", null).get("build_stack").get("name").asString())
        .isEqualTo("heroku-24");
    assertThat(h.send("GET", "/apps/nope/addons", null).statusCode()).isEqualTo(404);
  }

  @Test
  void unknownApp_is404() throws Exception {
    HttpResponse<String> r = h.send("GET", "/apps/nope/formation", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"id\":\"not_found\"");
  }

  @Test
  void spentBudget_is429_butTheDaemonStillRuns_andItsOwnEndpointsAreFree() throws Exception {
    int last = 0;
    for (int i = 0; i < 4600 && last != 429; i++) {
      last = h.send("GET", "/account", null).statusCode();
    }
    assertThat(last).isEqualTo(429);

    // formation's own endpoints cost nothing and still answer
    assertThat(h.send("GET", "/local/status", null).statusCode()).isEqualTo(200);
    // a client does not take a busy daemon for a stopped one (and start a second one)
    DaemonLauncher launcher = h.launcher("unused");
    assertThat(launcher.running()).isPresent();
    assertThat(launcher.locator().alive()).isPresent();
  }

  @Test
  void start_thatLosesTheRaceToADaemonStartedAtTheSameTime_usesThatDaemon() throws Exception {
    // the winner holds the lock but has not written daemon.json yet
    Path file = h.settings.daemonFile();
    byte[] written = Files.readAllBytes(file);
    Files.delete(file);
    java.util.concurrent.CompletableFuture<Void> winnerReady =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                Thread.sleep(1500);
                Files.write(file, written);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    // this start's own daemon (a child JVM) finds the lock taken and exits
    DaemonInfo used = h.launcher("dev.formation.Main").start(0);

    winnerReady.join();
    assertThat(used.url()).isEqualTo(h.daemon.url());
  }

  @Test
  void dynoSizes_areCapitalisedWithCost() throws Exception {
    JsonNode sizes = h.json("GET", "/dyno-sizes", null);
    assertThat(sizes.get(2).get("name").asString()).isEqualTo("Standard-1X");
    assertThat(sizes.get(2).get("cost").get("cents").asInt()).isEqualTo(2500);
  }
}
