package dev.formation.plan;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.formation;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.render.PlanSchema;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.live.LiveApp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T03:00:00Z"), ZoneOffset.UTC);
  private static final AppSpec autoscaled =
      app(
          "shop",
          false,
          auto("web", "performance-m", null, 2, 8),
          proc("worker", "standard-2x", 3));

  private static List<DriftItem> drift(AppSpec spec, LiveApp live) {
    return Drift.app(spec, live);
  }

  @Test
  void drift_autoscaledWebInsideBand_withoutStartingQuantity_isNoDrift() {
    List<DriftItem> items =
        drift(
            autoscaled,
            liveApp(
                "shop",
                monitor(true, 2, 8),
                live("web", "Performance-M", 5),
                live("worker", "Standard-2X", 3)));

    assertThat(items).isEmpty();
  }

  @Test
  void drift_autoscaledWebInsideBand_awayFromStartingQuantity_isExpected() {
    AppSpec spec = app("shop", false, auto("web", "performance-m", 2, 2, 8));
    List<DriftItem> items =
        drift(spec, liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 6)));

    assertThat(items)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.severity()).isEqualTo(DriftItem.Severity.EXPECTED);
              assertThat(i.message()).contains("inside its band 2..8");
            });
  }

  @Test
  void drift_autoscaledWebOutsideBand_isUnexpected() {
    List<DriftItem> items =
        drift(
            autoscaled,
            liveApp(
                "shop",
                monitor(true, 2, 8),
                live("web", "Performance-M", 9),
                live("worker", "Standard-2X", 3)));

    assertThat(items)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.unexpected()).isTrue();
              assertThat(i.kind()).isEqualTo(DriftItem.Kind.QUANTITY);
            });
  }

  @Test
  void drift_monitorChangedByHand_orTurnedOff_orOnWithoutConfig_isUnexpected() {
    LiveApp changed =
        liveApp(
            "shop",
            monitor(true, 2, 10),
            live("web", "Performance-M", 3),
            live("worker", "Standard-2X", 3));
    LiveApp off =
        liveApp(
            "shop",
            monitor(false, 2, 8),
            live("web", "Performance-M", 3),
            live("worker", "Standard-2X", 3));
    AppSpec fixed = app("shop", false, proc("web", "performance-m", 3));

    assertThat(drift(autoscaled, changed))
        .singleElement()
        .satisfies(i -> assertThat(i.message()).contains("changed by hand"));
    assertThat(drift(autoscaled, off))
        .singleElement()
        .satisfies(i -> assertThat(i.message()).contains("is off"));
    assertThat(drift(fixed, liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 3))))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(DriftItem.Kind.AUTOSCALE);
              assertThat(i.message()).contains("turned on");
            });
  }

  @Test
  void drift_handScaledOrResizedType_isUnexpected() {
    List<DriftItem> items =
        drift(
            autoscaled,
            liveApp(
                "shop",
                monitor(true, 2, 8),
                live("web", "Performance-M", 2),
                live("worker", "Standard-1X", 5)));

    assertThat(items)
        .extracting(DriftItem::kind)
        .containsExactly(DriftItem.Kind.SIZE, DriftItem.Kind.QUANTITY);
    assertThat(items).allMatch(DriftItem::unexpected);
  }

  @Test
  void drift_vanishedManagedType_isUnexpected() {
    List<DriftItem> items =
        drift(autoscaled, liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 2)));

    assertThat(items)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(DriftItem.Kind.VANISHED);
              assertThat(i.type()).isEqualTo("worker");
              assertThat(i.unexpected()).isTrue();
            });
  }

  @Test
  void drift_unmanagedRunningType_isExpectedWithoutPrune_unexpectedWithPrune_ignoredAtZero() {
    AppSpec keep = app("shop", false, proc("web", "standard-1x", 1));
    AppSpec prune = app("shop", true, proc("web", "standard-1x", 1));
    LiveApp live =
        liveApp(
            "shop",
            null,
            live("web", "Standard-1X", 1),
            live("clock", "Standard-1X", 1),
            live("console", "Standard-1X", 0));

    assertThat(drift(keep, live))
        .singleElement()
        .satisfies(i -> assertThat(i.severity()).isEqualTo(DriftItem.Severity.EXPECTED));
    assertThat(drift(prune, live))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.unexpected()).isTrue();
              assertThat(i.type()).isEqualTo("clock");
            });
  }

  @Test
  void classify_unreadableApp_isUnexpected_andCarriesTheClock() {
    Formation f = formation(autoscaled);

    DriftReport report = Drift.classify(f, Map.of(), Map.of("shop", "HTTP 404"), CLOCK);

    assertThat(report.unexpectedCount()).isEqualTo(1);
    assertThat(report.items().get(0).message()).contains("HTTP 404");
    assertThat(report.checkedAt()).isEqualTo(CLOCK.instant());
  }

  /** A report with one item of every kind, for the renderer goldens. */
  static DriftReport rich() {
    Formation f =
        formation(
            autoscaled,
            app("shop-staging", true, proc("web", "standard-1x", 1)),
            app("gone", false, proc("web", "basic", 1)));
    LiveApp shop =
        liveApp(
            "shop",
            monitor(true, 2, 10),
            live("web", "Performance-M", 12),
            live("clock", "Standard-1X", 1));
    LiveApp staging =
        liveApp(
            "shop-staging", null, live("web", "Standard-2X", 2), live("release", "Standard-1X", 1));
    return Drift.classify(
        f,
        Map.of("shop", shop, "shop-staging", staging),
        Map.of("gone", "HTTP 404: no such app"),
        CLOCK);
  }

  @Test
  void renderers_richReport_matchGolden_andJsonFollowsTheSchema() {
    DriftReport report = rich();
    String json = dev.formation.cli.render.DriftRenderer.json(report);

    dev.formation.testing.Golden.assertMatches(
        "drift/rich.txt", dev.formation.cli.render.DriftRenderer.text(report));
    dev.formation.testing.Golden.assertMatches(
        "drift/rich.md", dev.formation.cli.render.DriftRenderer.markdown(report));
    dev.formation.testing.Golden.assertMatches("drift/rich.json", json);
    assertThat(PlanSchema.errors(json)).isEmpty();
    assertThat(PlanSchema.errors(json.replace("\"unexpected\",", "\"odd\","))).isNotEmpty();
  }
}
