package dev.formation.plan;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static dev.formation.plan.Fixtures.planApp;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.config.AutoscaleSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A queue-autoscaled type: formation's controller owns its count inside the band, as Heroku's
 * autoscaler owns web's; the plan writes a count only to bring it into the band, and never a
 * platform monitor.
 */
class QueueAutoscalePlanTest {
  private static final QueueRule RULE =
      new QueueRule(
          new QueueSource.Redis("REDIS_URL", null, List.of("queue:default", "queue:mailers")),
          50,
          Duration.ofMinutes(5),
          Duration.ofSeconds(30));

  private static AutoscaleSpec band(int min, int max) {
    return new AutoscaleSpec(min, max, AutoscaleSpec.DEFAULT_P95_MS, false, RULE);
  }

  @Test
  void plan_countInsideTheBand_isTheAutoscalers_noChange() {
    AppPlan p =
        planApp(
            app(
                "shop",
                false,
                proc("web", "standard-1x", 1),
                auto("worker", "standard-2x", null, band(1, 10))),
            liveApp("shop", null, live("web", "Standard-1X", 1), live("worker", "Standard-2X", 7)));

    assertThat(p.changes()).isEmpty();
    assertThat(p.after()).isEqualTo(new CostRange(25 + 50, 25 + 500));
  }

  @Test
  void plan_countOutsideTheBand_isBroughtIntoIt_andNoMonitorIsWritten() {
    AppPlan p =
        planApp(
            app("shop", false, auto("worker", "standard-2x", null, band(2, 10))),
            liveApp("shop", null, live("worker", "Standard-2X", 0)));

    assertThat(p.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            ProcessChange.class,
            c -> {
              assertThat(c.fromQuantity()).isZero();
              assertThat(c.toQuantity()).isEqualTo(2);
              assertThat(c.autoscale().queueDriven()).isTrue();
              assertThat(c.autoscale().describe())
                  .isEqualTo(
                      "2..10 on queue redis queue:default+queue:mailers (50/dyno), down after 5m,"
                          + " every 30s");
            });
  }

  @Test
  void plan_countAboveTheBand_comesDownToMax() {
    AppPlan p =
        planApp(
            app("shop", false, auto("worker", "standard-2x", null, band(1, 4))),
            liveApp("shop", null, live("worker", "Standard-2X", 9)));

    assertThat(p.changes())
        .singleElement()
        .isInstanceOfSatisfying(ProcessChange.class, c -> assertThat(c.toQuantity()).isEqualTo(4));
  }

  @Test
  void plan_webOnAQueue_turnsHerokusP95AutoscalerOff_andNeverWritesIt() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", null, band(2, 8))),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 5)));

    assertThat(p.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            MonitorChange.class,
            m -> {
              assertThat(m.kind()).isEqualTo(MonitorChange.Kind.DISABLE);
              assertThat(m.to()).isNull();
            });
  }

  @Test
  void plan_webOnAQueue_withNoMonitor_plansNothing() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "standard-1x", null, band(1, 4))),
            liveApp("shop", null, live("web", "Standard-1X", 3)));

    assertThat(p.changes()).isEmpty();
  }

  @Test
  void drift_countInsideTheBand_isExpected_andOutsideIsNot() {
    var spec = app("shop", false, auto("worker", "standard-2x", 2, band(1, 10)));

    List<DriftItem> inside =
        Drift.app(spec, liveApp("shop", null, live("worker", "Standard-2X", 6)));
    List<DriftItem> outside =
        Drift.app(spec, liveApp("shop", null, live("worker", "Standard-2X", 12)));

    assertThat(inside)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(DriftItem.Severity.EXPECTED);
              assertThat(d.message()).contains("inside its band 1..10");
            });
    assertThat(outside)
        .singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(DriftItem.Severity.UNEXPECTED));
  }

  @Test
  void drift_aP95AutoscalerOnAQueueType_isUnexpected() {
    var spec = app("shop", false, auto("web", "performance-m", null, band(2, 8)));

    List<DriftItem> items =
        Drift.app(spec, liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 4)));

    assertThat(items)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(DriftItem.Severity.UNEXPECTED);
              assertThat(d.expected())
                  .startsWith("2..8 on queue redis queue:default+queue:mailers");
            });
  }

  @Test
  void diff_aChangedScaleDownDelay_isAChangedType() {
    AutoscaleSpec slower =
        new AutoscaleSpec(
            1,
            10,
            AutoscaleSpec.DEFAULT_P95_MS,
            false,
            new QueueRule(RULE.source(), 50, Duration.ofMinutes(15), Duration.ofSeconds(30)));

    FormationDiff diff =
        FormationDiff.between(
            Fixtures.formation(
                app("shop", false, auto("worker", "standard-2x", null, band(1, 10)))),
            Fixtures.formation(app("shop", false, auto("worker", "standard-2x", null, slower))));

    assertThat(diff.apps())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.types())
                    .singleElement()
                    .satisfies(t -> assertThat(t.kind()).isEqualTo(FormationDiff.Kind.CHANGED)));
  }
}
