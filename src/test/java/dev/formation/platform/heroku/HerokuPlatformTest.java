package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.PlatformException;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuPlatformTest {
  @TempDir Path home;
  FakeHeroku fake;
  HerokuTestSupport t;

  @BeforeEach
  void start() throws PlatformException {
    fake = FakeHeroku.start();
    t = new HerokuTestSupport(fake, home);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void read_returnsFormationWithAppIdFromOneRequest() throws Exception {
    FakeApp shop =
        fake.addApp("shop", "cedar")
            .process("web", "standard-2x", 2)
            .process("worker", "Standard-1X", 1);

    LiveApp live = t.platform.read("shop", false);

    assertThat(live.id()).isEqualTo(shop.id());
    assertThat(live.generation()).isEqualTo("cedar");
    assertThat(live.process("web"))
        .get()
        .extracting(LiveProcess::size, LiveProcess::quantity)
        .containsExactly("Standard-2X", 2);
    assertThat(live.process("worker").get().command()).isEqualTo("bin/worker");
    assertThat(live.process("worker").get().updatedAt()).isNotNull();
    assertThat(live.monitor()).isNull();
    assertThat(fake.requests())
        .extracting(RecordedRequest::toString)
        .containsExactly("GET /apps/shop/formation -> 200");
  }

  @Test
  void read_sendsHerokuHeadersAndAFreshRequestId() throws Exception {
    fake.addApp("shop", "cedar").process("web", "basic", 1);

    t.platform.read("shop", false);
    t.platform.read("shop", false);

    List<RecordedRequest> log = fake.requests();
    RecordedRequest first = log.get(0);
    assertThat(first.header("Accept")).isEqualTo("application/vnd.heroku+json; version=3");
    assertThat(first.header("Authorization")).isEqualTo("Bearer " + fake.token());
    assertThat(first.header("User-Agent")).isEqualTo("formation/1.2.3");
    assertThat(first.header("Content-Type")).isNull();
    assertThat(UUID.fromString(first.header("Request-Id"))).isNotNull();
    assertThat(log.get(1).header("Request-Id")).isNotEqualTo(first.header("Request-Id"));
  }

  @Test
  void read_firApp_isFirFromItsLowercaseSizes() throws Exception {
    fake.addApp("edge", "fir").process("web", "DYNO-2C-1GB", 3);

    LiveApp live = t.platform.read("edge", false);

    assertThat(live.generation()).isEqualTo("fir");
    assertThat(live.process("web").get().size()).isEqualTo("dyno-2c-1gb");
  }

  @Test
  void read_emptyFormation_asksTheAppForIdAndGeneration() throws Exception {
    FakeApp empty = fake.addApp("empty-fir", "fir");

    LiveApp live = t.platform.read("empty-fir", false);

    assertThat(live.id()).isEqualTo(empty.id());
    assertThat(live.generation()).isEqualTo("fir");
    assertThat(live.processes()).isEmpty();
    assertThat(fake.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/apps/empty-fir/formation", "/apps/empty-fir");
  }

  @Test
  void read_followsPagingOverThreePages() throws Exception {
    FakeApp app = fake.addApp("many", "cedar");
    for (String type : List.of("a", "b", "c", "d", "e", "f", "g")) {
      app.process(type, "standard-1x", 1);
    }
    fake.pageSize(3);

    LiveApp live = t.platform.read("many", false);

    assertThat(live.processes())
        .extracting(LiveProcess::type)
        .containsExactly("a", "b", "c", "d", "e", "f", "g");
    List<RecordedRequest> log = fake.requests();
    assertThat(log).extracting(RecordedRequest::status).containsExactly(206, 206, 200);
    assertThat(log.get(0).header("Range")).isNull();
    assertThat(log.get(1).header("Range")).isEqualTo("type ]c..; max=3");
    assertThat(log.get(2).header("Range")).isEqualTo("type ]f..; max=3");
  }

  @Test
  void read_withMonitor_picksTheScaleMonitorAndIgnoresAlerts() throws Exception {
    FakeApp app = fake.addApp("shop", "cedar").process("web", "performance-m", 3);
    app.monitor("LATENCY", "alert", true, 1, 1, 2000, true);
    String id = app.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, true);

    LiveApp live = t.platform.read("shop", true);

    assertThat(live.monitor()).isEqualTo(new LiveMonitor(id, true, 2, 8, 500, true));
    assertThat(fake.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/apps/shop/formation", "/apps/" + app.id() + "/formation/web/monitors");
  }

  @Test
  void read_withOnlyAlertMonitor_hasNoMonitor() throws Exception {
    FakeApp app = fake.addApp("shop", "cedar").process("web", "performance-m", 3);
    app.monitor("LATENCY", "alert", true, 1, 1, 2000, false);

    assertThat(t.platform.read("shop", true).monitor()).isNull();
  }

  @Test
  void updateFormation_sendsOneBatchWithOnlyTheGivenKeys() throws Exception {
    fake.addApp("shop", "cedar")
        .process("web", "standard-1x", 1)
        .process("worker", "standard-1x", 1)
        .process("clock", "standard-1x", 1);
    LiveApp live = t.platform.read("shop", false);
    fake.clearRequests();

    LiveApp after =
        t.platform.updateFormation(
            live,
            List.of(
                new FormationUpdate("web", 2, "standard-2x"),
                new FormationUpdate("worker", null, "performance-m"),
                new FormationUpdate("clock", 0, null)));

    List<RecordedRequest> log = fake.requests();
    assertThat(log).hasSize(1);
    assertThat(log.get(0).method()).isEqualTo("PATCH");
    assertThat(log.get(0).path()).isEqualTo("/apps/shop/formation");
    assertThat(log.get(0).header("Content-Type")).isEqualTo("application/json");
    assertThat(log.get(0).body())
        .isEqualTo(
            "{\"updates\":["
                + "{\"type\":\"web\",\"quantity\":2,\"dyno_size\":{\"name\":\"standard-2x\"}},"
                + "{\"type\":\"worker\",\"dyno_size\":{\"name\":\"performance-m\"}},"
                + "{\"type\":\"clock\",\"quantity\":0}]}");
    assertThat(after.processes())
        .extracting(LiveProcess::type, LiveProcess::size, LiveProcess::quantity)
        .containsExactlyInAnyOrder(
            tuple("web", "Standard-2X", 2),
            tuple("worker", "Performance-M", 1),
            tuple("clock", "Standard-1X", 0));
  }

  @Test
  void updateFormation_keepsTypesTheAnswerLeavesOut() throws Exception {
    fake.addApp("shop", "cedar")
        .process("web", "standard-1x", 1)
        .process("worker", "standard-1x", 4);
    LiveApp live = t.platform.read("shop", false);

    LiveApp after = t.platform.updateFormation(live, List.of(new FormationUpdate("web", 3, null)));

    assertThat(after.process("web").get().quantity()).isEqualTo(3);
    assertThat(after.process("worker").get().quantity()).isEqualTo(4);
    assertThat(after.id()).isEqualTo(live.id());
  }

  @Test
  void updateFormation_nothingToDo_sendsNothing() throws Exception {
    fake.addApp("shop", "cedar").process("web", "standard-1x", 1);
    LiveApp live = t.platform.read("shop", false);
    fake.clearRequests();

    assertThat(t.platform.updateFormation(live, List.of())).isSameAs(live);
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void updateFormation_rejected_carriesTheApiMessageAndRequestId() throws Exception {
    fake.addApp("shop", "cedar").process("web", "basic", 1).process("worker", "basic", 1);
    LiveApp live = t.platform.read("shop", false);

    assertThatThrownBy(
            () ->
                t.platform.updateFormation(
                    live, List.of(new FormationUpdate("worker", null, "standard-1x"))))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.errorId()).isEqualTo("invalid_params");
              assertThat(e.requestId()).isNotBlank();
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Cannot use the following dyno types in the same app: Basic and Standard-1X"
                          + " (request id "
                          + e.requestId()
                          + ")");
            });
    assertThat(fake.requests("PATCH", ".*")).hasSize(1);
  }

  @Test
  void read_unknownApp_saysNotFoundOrNoAccess() {
    assertThatThrownBy(() -> t.platform.read("nope", false))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).startsWith("app `nope` not found (or you have no access)");
            });
  }

  @Test
  void updateFormation_unknownType_namesTheType() throws Exception {
    fake.addApp("shop", "cedar").process("web", "standard-1x", 1);
    LiveApp live = t.platform.read("shop", false);

    assertThatThrownBy(
            () -> t.platform.updateFormation(live, List.of(new FormationUpdate("clock", 1, null))))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("Couldn't find that process type (clock).");
  }

  @Test
  void monitors_createUpdateDisable_sendTheDocumentedBodies() throws Exception {
    FakeApp app = fake.addApp("shop", "cedar").process("web", "performance-m", 2);
    LiveApp live = t.platform.read("shop", true);
    fake.clearRequests();

    LiveMonitor created = t.platform.createMonitor(live, new MonitorSettings(2, 8, 500, true));
    t.platform.updateMonitor(live, created.id(), new MonitorSettings(3, 9, 400, false));
    t.platform.disableMonitor(live, created.id());

    String base = "/apps/" + app.id() + "/formation/web/monitors";
    assertThat(fake.requests())
        .extracting(r -> r.method() + " " + r.path() + " " + r.status())
        .containsExactly(
            "POST " + base + " 201",
            "PATCH " + base + "/" + created.id() + " 202",
            "PATCH " + base + "/" + created.id() + " 202");
    assertThat(fake.requests().get(0).body())
        .isEqualTo(
            "{\"name\":\"LATENCY_SCALE\",\"action_type\":\"scale\",\"is_active\":true,"
                + "\"op\":\"GREATER_OR_EQUAL\",\"period\":1,\"value\":500,\"min_quantity\":2,"
                + "\"max_quantity\":8,\"notification_channels\":[\"app\"],"
                + "\"notification_period\":1440}");
    assertThat(fake.requests().get(1).body()).contains("\"notification_channels\":[]");
    assertThat(fake.requests().get(2).body())
        .isEqualTo("{\"is_active\":false,\"op\":\"GREATER_OR_EQUAL\",\"period\":1}");
    assertThat(created).isEqualTo(new LiveMonitor(created.id(), true, 2, 8, 500, true));
    assertThat(t.platform.read("shop", true).monitor())
        .isEqualTo(new LiveMonitor(created.id(), false, 3, 9, 400, false));
  }

  @Test
  void createMonitor_onStandardSize_isForbiddenWithTheApiMessage() throws Exception {
    fake.addApp("shop", "cedar").process("web", "standard-2x", 2);
    LiveApp live = t.platform.read("shop", false);

    assertThatThrownBy(() -> t.platform.createMonitor(live, new MonitorSettings(1, 2, 500, false)))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(fake.requests("POST", ".*")).hasSize(1);
  }
}
