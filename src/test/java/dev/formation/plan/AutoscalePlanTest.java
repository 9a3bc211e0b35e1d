package dev.formation.plan;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static dev.formation.plan.Fixtures.planApp;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.AutoscaleSpec;
import org.junit.jupiter.api.Test;

class AutoscalePlanTest {

  @Test
  void plan_autoscaledWebInsideBand_isNotDrift() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", null, 2, 8)),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 5)));

    assertThat(p.changes()).isEmpty();
    assertThat(p.before()).isEqualTo(new CostRange(500, 2000));
    assertThat(p.after()).isEqualTo(new CostRange(500, 2000));
  }

  @Test
  void plan_activeMonitorOutsideBandWithSameRule_plansNoQuantity() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", 3, 2, 8)),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 9)));

    assertThat(p.changes()).isEmpty();
  }

  @Test
  void plan_activeMonitorOutsideBand_saysSoInANote() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", null, 2, 8)),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 9)));

    assertThat(p.changes()).isEmpty();
    assertThat(p.notes())
        .singleElement()
        .asString()
        .contains("shop: `web` runs 9, outside its live autoscale band 2..8");
  }

  @Test
  void plan_bandMoved_updatesMonitorWithoutQuantityPatch() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", null, 6, 8)),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 5)));

    assertThat(p.changes()).hasSize(1);
    MonitorChange m = (MonitorChange) p.changes().get(0);
    assertThat(m.kind()).isEqualTo(MonitorChange.Kind.UPDATE);
    assertThat(m.action()).isEqualTo(Action.CHANGE);
    assertThat(m.monitorId()).isEqualTo("mon-1");
    assertThat(m.from()).isEqualTo(new AutoscaleRule(2, 8, 500, true));
    assertThat(m.to()).isEqualTo(new AutoscaleRule(6, 8, 500, true));
    assertThat(m.costDelta()).isEqualTo(new CostRange(0, 1000));
    assertThat(p.processChanges()).isEmpty();
  }

  @Test
  void plan_notifyOrLatencyChanged_updatesMonitor() {
    AppPlan p =
        planApp(
            app(
                "shop",
                false,
                auto("web", "performance-m", null, new AutoscaleSpec(2, 8, 800, false))),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 5)));

    assertThat(p.monitorEnablesAndUpdates())
        .singleElement()
        .satisfies(m -> assertThat(m.to()).isEqualTo(new AutoscaleRule(2, 8, 800, false)));
  }

  @Test
  void plan_noMonitorAndCountInsideBand_enablesWithoutQuantity() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", 2, 2, 8)),
            liveApp("shop", null, live("web", "Performance-M", 4)));

    MonitorChange m = (MonitorChange) p.changes().get(0);
    assertThat(p.changes()).hasSize(1);
    assertThat(m.kind()).isEqualTo(MonitorChange.Kind.ENABLE);
    assertThat(m.createsMonitor()).isTrue();
    assertThat(m.from()).isNull();
    assertThat(m.costDelta()).isEqualTo(new CostRange(-500, 1000));
    assertThat(p.count(Action.ADD)).isEqualTo(1);
  }

  @Test
  void plan_inactiveMonitorAndCountOutsideBand_setsStartingCountThenEnables() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", null, 2, 8)),
            liveApp("shop", monitor(false, 1, 3), live("web", "Performance-M", 1)));

    assertThat(p.changes()).hasSize(2);
    ProcessChange q = (ProcessChange) p.changes().get(0);
    MonitorChange m = (MonitorChange) p.changes().get(1);
    assertThat(q.quantityToSend()).as("clamped into the band").isEqualTo(2);
    assertThat(q.autoscale()).isEqualTo(new AutoscaleRule(2, 8, 500, true));
    assertThat(m.kind()).isEqualTo(MonitorChange.Kind.ENABLE);
    assertThat(m.createsMonitor()).as("reuses the inactive monitor").isFalse();
    assertThat(m.monitorId()).isEqualTo("mon-1");
    assertThat(q.costDelta()).isEqualTo(new CostRange(250, 1750));
    assertThat(m.costDelta()).isEqualTo(CostRange.ZERO);
  }

  @Test
  void plan_enableWithOutOfBandCountAndStartingQuantity_usesTheStartingQuantity() {
    AppPlan p =
        planApp(
            app("shop", false, auto("web", "performance-m", 4, 2, 8)),
            liveApp("shop", null, live("web", "Performance-M", 12)));

    assertThat(p.processChanges())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.quantityToSend()).isEqualTo(4);
              assertThat(q.action()).isEqualTo(Action.CHANGE);
            });
  }

  @Test
  void plan_autoscaleRemovedFromConfig_disablesMonitorThenSetsQuantity() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "performance-m", 3)),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 5)));

    assertThat(p.changes()).hasSize(2);
    MonitorChange m = (MonitorChange) p.changes().get(0);
    ProcessChange q = (ProcessChange) p.changes().get(1);
    assertThat(m.kind()).isEqualTo(MonitorChange.Kind.DISABLE);
    assertThat(m.to()).isNull();
    assertThat(p.monitorDisables()).containsExactly(m);
    assertThat(q.quantityToSend()).isEqualTo(3);
    assertThat(q.costDelta()).isEqualTo(new CostRange(-1250, 250));
    assertThat(p.count(Action.REMOVE)).as("the disabled autoscaler").isEqualTo(1);
    assertThat(p.count(Action.CHANGE)).isEqualTo(1);
  }

  @Test
  void plan_autoscaleRemovedAndCountAlreadyRight_disableCarriesTheCost() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "performance-m", 5)),
            liveApp("shop", monitor(true, 2, 8), live("web", "Performance-M", 5)));

    assertThat(p.changes()).singleElement().isInstanceOf(MonitorChange.class);
    assertThat(p.changes().get(0).costDelta()).isEqualTo(new CostRange(-750, 750));
  }

  @Test
  void plan_inactiveMonitorAndNoAutoscale_isLeftAlone() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "performance-m", 2)),
            liveApp("shop", monitor(false, 2, 8), live("web", "Performance-M", 2)));

    assertThat(p.hasChanges()).isFalse();
  }

  @Test
  void plan_prunedWebWithActiveMonitor_disablesThenScalesToZero() {
    AppPlan p =
        planApp(
            app("shop", true, proc("worker", "performance-m", 1)),
            liveApp(
                "shop",
                monitor(true, 2, 4),
                live("web", "Performance-M", 3),
                live("worker", "Performance-M", 1)));

    assertThat(p.changes())
        .extracting(Change::action)
        .containsExactly(Action.REMOVE, Action.REMOVE);
    assertThat(p.changes().get(0)).isInstanceOf(MonitorChange.class);
    assertThat(p.after()).isEqualTo(CostRange.fixed(250));
  }
}
