package dev.formation.plan;

import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.GuardrailSpec;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import dev.formation.live.LiveApp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner with the moment as an input: the window in force decides the desired values. */
class ScheduledPlannerTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Monday 2026-12-07 in Berlin (+01:00)
  static final Instant MONDAY_02 = Instant.parse("2026-12-07T01:00:00Z");
  static final Instant MONDAY_10 = Instant.parse("2026-12-07T09:00:00Z");
  static final Instant MONDAY_20 = Instant.parse("2026-12-07T19:00:00Z");

  static Size size(String name) {
    return Catalog.standard().find(name).orElseThrow();
  }

  static WindowSpec window(
      String name, EnumSet<DayOfWeek> days, int from, int to, Integer q, AutoscaleSpec a) {
    return new WindowSpec(name, days, "days", from * 60, to * 60, q, a, null);
  }

  static final WindowSpec BATCH =
      window("nightly-batch", EnumSet.allOf(DayOfWeek.class), 1, 4, 6, null);
  static final WindowSpec BUSINESS =
      window(
          "business-hours",
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          8,
          19,
          null,
          new AutoscaleSpec(4, 10, 500, true));

  static AppSpec shop(ProcessSpec... processes) {
    return new AppSpec(
        "shop", PlatformKind.named("heroku"), false, null, List.of(processes), null, BERLIN, null);
  }

  static ProcessSpec worker() {
    return new ProcessSpec("worker", size("standard-2x"), 1, null, null, List.of(BATCH));
  }

  static ProcessSpec web(Integer start) {
    return new ProcessSpec(
        "web",
        size("performance-m"),
        start,
        new AutoscaleSpec(2, 8, 500, true),
        null,
        List.of(BUSINESS));
  }

  static AppPlan plan(AppSpec spec, LiveApp live, Instant at) {
    return new Planner(Catalog.standard()).planApp(spec, live, at);
  }

  @Test
  void insideTheBatchWindow_theWorkerScalesToItsQuantity_andOutsideBackToItsOwn() {
    LiveApp one = liveApp("shop", null, live("worker", "Standard-2X", 1));
    LiveApp six = liveApp("shop", null, live("worker", "Standard-2X", 6));

    assertThat(plan(shop(worker()), one, MONDAY_02).processChanges())
        .singleElement()
        .satisfies(c -> assertThat(c.toQuantity()).isEqualTo(6));
    assertThat(plan(shop(worker()), one, MONDAY_10).hasChanges()).isFalse();
    assertThat(plan(shop(worker()), six, MONDAY_10).processChanges())
        .singleElement()
        .satisfies(c -> assertThat(c.toQuantity()).isEqualTo(1));
  }

  @Test
  void aWindowThatChangesTheBand_updatesTheMonitor_andSendsNoQuantity() {
    LiveApp live = liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 3));

    AppPlan inside = plan(shop(web(3)), live, MONDAY_10);

    assertThat(inside.processChanges()).isEmpty();
    assertThat(inside.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            MonitorChange.class,
            m -> {
              assertThat(m.kind()).isEqualTo(MonitorChange.Kind.UPDATE);
              assertThat(m.to()).isEqualTo(new AutoscaleRule(4, 10, 500, true));
            });
    assertThat(plan(shop(web(3)), live, MONDAY_20).hasChanges()).isFalse();
  }

  @Test
  void enablingTheAutoscalerInsideAWindow_startsTheCountInsideTheWindowsBand() {
    LiveApp off = liveApp("shop", monitor(false, 1, 2), live("web", "Performance-M", 2));

    AppPlan p = plan(shop(web(null)), off, MONDAY_10);

    assertThat(p.processChanges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.toQuantity()).as("2 lies below 4..10").isEqualTo(4);
              assertThat(c.autoscale().band()).isEqualTo("4..10");
            });
  }

  @Test
  void thePlanSaysPerTypeWhatIsInForce_andUntilWhen() {
    LiveApp live =
        liveApp(
            "shop",
            monitor(true, 4, 10),
            live("web", "Performance-M", 5),
            live("worker", "Standard-2X", 1));

    AppSchedule s = plan(shop(web(null), worker()), live, MONDAY_10).schedule();

    assertThat(s.types())
        .containsExactly(
            new TypeWindow(
                "web",
                "business-hours",
                Instant.parse("2026-12-07T07:00:00Z"),
                Instant.parse("2026-12-07T18:00:00Z"),
                null,
                "Europe/Berlin"),
            new TypeWindow(
                "worker",
                null,
                Instant.parse("2026-12-07T03:00:00Z"),
                Instant.parse("2026-12-08T00:00:00Z"),
                "nightly-batch",
                "Europe/Berlin"));
  }

  @Test
  void theWeightedEstimate_countsEachWindowForItsShareOfTheWeek() {
    LiveApp live = liveApp("shop", null, live("worker", "Standard-2X", 1));

    AppPlan p = plan(shop(worker()), live, MONDAY_10);

    // 21 of 168 hours at 6 × $50, the rest at 1 × $50: 43.75 + 37.50 = 81.25
    assertThat(p.schedule().weighted()).isEqualTo(CostRange.fixed(81));
    assertThat(p.after()).as("the moment's cost is the base's").isEqualTo(CostRange.fixed(50));
  }

  @Test
  void anUnreadableApp_showsItsWindows_butCountsNoCost() {
    Formation f = new Formation(List.of(shop(worker())));

    Plan p =
        new Planner(Catalog.standard()).plan(f, Map.of(), Map.of("shop", "HTTP 404"), MONDAY_02);

    assertThat(p.apps().get(0).schedule().types())
        .extracting(TypeWindow::window)
        .containsExactly("nightly-batch");
    assertThat(p.weighted()).isEqualTo(CostRange.ZERO);
  }

  @Test
  void aFormationWithSchedules_isNotPlannedWithoutAMoment() {
    Formation f = new Formation(List.of(shop(worker())));

    assertThatThrownBy(() -> new Planner(Catalog.standard()).plan(f, Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configDigest_changesWithAWindow_andNotForAConfigWithout() {
    AppSpec plain = new AppSpec("shop", PlatformKind.named("heroku"), false, null, List.of(), null);
    AppSpec guarded =
        new AppSpec(
            "shop",
            PlatformKind.named("heroku"),
            false,
            null,
            List.of(),
            null,
            null,
            new GuardrailSpec(500, null, null, null));
    ProcessSpec moreBatch =
        new ProcessSpec(
            "worker",
            size("standard-2x"),
            1,
            null,
            null,
            List.of(window("nightly-batch", EnumSet.allOf(DayOfWeek.class), 1, 4, 8, null)));

    assertThat(ConfigDigest.of(new Formation(List.of(shop(worker())))))
        .isNotEqualTo(ConfigDigest.of(new Formation(List.of(shop(moreBatch)))));
    assertThat(ConfigDigest.of(new Formation(List.of(plain))))
        .isNotEqualTo(ConfigDigest.of(new Formation(List.of(guarded))));
  }
}
