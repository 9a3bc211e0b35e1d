package dev.formation.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.apply.AppResult;
import dev.formation.diag.Code;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply carries out the window in force at its clock's moment, and a saved plan only while the
 * windows it was made for are in force. The clock is an input: no test waits for a window.
 */
class ScheduledApplyTest {
  static final String CONFIG =
      """
      version: 1
      apps:
        shop:
          timezone: America/New_York
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 8, p95_ms: 500}
              schedule:
                - {name: business-hours, days: mon-fri, from: "08:00", to: "19:00", autoscale: {min: 4, max: 10}}
            worker:
              size: standard-2x
              quantity: 1
              schedule:
                - {name: nightly-batch, days: daily, from: "01:00", to: "04:00", quantity: 6}
      """;

  // Monday 2026-12-07 in New York (-05:00)
  static final Instant MORNING = Instant.parse("2026-12-07T14:00:00Z"); // 09:00
  static final Instant NOON = Instant.parse("2026-12-07T17:00:00Z"); // 12:00
  static final Instant EVENING = Instant.parse("2026-12-08T01:00:00Z"); // 20:00
  static final Instant NIGHT = Instant.parse("2026-12-08T07:00:00Z"); // Tue 02:00
  static final Instant DAWN = Instant.parse("2026-12-08T10:00:00Z"); // Tue 05:00

  @TempDir Path dir;
  FakeHeroku heroku;
  FakeApp shop;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    shop =
        heroku
            .addApp("shop", "cedar")
            .process("web", "performance-m", 3)
            .process("worker", "standard-2x", 1);
    shop.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, false);
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  Host host() {
    return new Host(Map.of("HEROKU_API_KEY", heroku.token()), dir, Listener.NONE);
  }

  Settings settings() {
    return new Settings(4, heroku.url(), false);
  }

  ConfigSource config() {
    return ConfigSource.onDisk(List.of(), dir);
  }

  ApplyOperation.Result applyAt(Instant now) {
    ApplyOperation op = new ApplyOperation(host(), "test", Clock.fixed(now, ZoneOffset.UTC));
    try (ApplyOperation.Prepared p =
        op.prepare(new ApplyOperation.Request(config(), Selection.ALL, settings(), null, true))) {
      assertThat(p.diagnostics().hasErrors()).as("%s", p.diagnostics().sorted()).isFalse();
      return p.apply();
    }
  }

  FakeApp.Monitor scaler() {
    return shop.monitors().stream()
        .filter(m -> m.actionType.equals("scale"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void apply_inBusinessHours_widensTheBand_andSendsNoQuantityForWeb_thenNarrowsItAtNight() {
    applyAt(MORNING);

    assertThat(scaler().minQuantity).isEqualTo(4);
    assertThat(scaler().maxQuantity).isEqualTo(10);
    assertThat(heroku.requests("PATCH", "/apps/shop/formation"))
        .as("the autoscaler owns web's count")
        .noneMatch(r -> r.body().contains("\"web\""));

    heroku.clearRequests();
    applyAt(NOON);
    assertThat(heroku.requests().stream().filter(r -> !r.method().equals("GET")))
        .as("inside the same window nothing is left to do")
        .isEmpty();

    applyAt(EVENING);
    assertThat(scaler().minQuantity).isEqualTo(2);
    assertThat(scaler().maxQuantity).isEqualTo(8);
    assertThat(shop.quantity("worker")).isEqualTo(1);
  }

  @Test
  void apply_inTheNightlyBatch_scalesTheWorkerUp_andAfterItBackDown() {
    applyAt(NIGHT);
    assertThat(shop.quantity("worker")).isEqualTo(6);

    applyAt(DAWN);
    assertThat(shop.quantity("worker")).isEqualTo(1);
  }

  @Test
  void savedPlan_appliesWhileItsWindowsHold_andIsRefusedOnceOneHasPassed() {
    Path file = dir.resolve("plan.json");
    PlanOperation.Result planned =
        new PlanOperation(host(), "test", Clock.fixed(MORNING, ZoneOffset.UTC))
            .run(
                new PlanOperation.Request(
                    config(), Selection.ALL, settings(), Path.of("plan.json")));
    assertThat(planned.saved()).as("%s", planned.diagnostics().sorted()).isNotNull();
    assertThat(file).exists();

    ApplyOperation late = new ApplyOperation(host(), "test", Clock.fixed(EVENING, ZoneOffset.UTC));
    try (ApplyOperation.Prepared p =
        late.prepare(
            new ApplyOperation.Request(
                config(), Selection.ALL, settings(), Path.of("plan.json"), false))) {
      assertThat(p.ok()).isFalse();
      assertThat(p.diagnostics().sorted())
          .anySatisfy(
              d -> {
                assertThat(d.code()).isEqualTo(Code.FM092);
                assertThat(d.message())
                    .isEqualTo(
                        "the saved plan was made for 2026-12-07T14:00:00Z, when window"
                            + " business-hours of `web` (app shop) was in force; that ended at"
                            + " 2026-12-08T00:00:00Z, so nothing was changed");
              });
    }
    assertThat(heroku.requests().stream().map(RecordedRequest::method))
        .as("refused before anything is read or written")
        .containsOnly("GET");
    assertThat(scaler().maxQuantity).isEqualTo(8);

    ApplyOperation inTime = new ApplyOperation(host(), "test", Clock.fixed(NOON, ZoneOffset.UTC));
    try (ApplyOperation.Prepared p =
        inTime.prepare(
            new ApplyOperation.Request(
                config(), Selection.ALL, settings(), Path.of("plan.json"), false))) {
      assertThat(p.ok()).as("%s", p.diagnostics().sorted()).isTrue();
      assertThat(p.apply().report().count(AppResult.Outcome.APPLIED)).isEqualTo(1);
    }
    assertThat(scaler().maxQuantity).isEqualTo(10);
  }
}
