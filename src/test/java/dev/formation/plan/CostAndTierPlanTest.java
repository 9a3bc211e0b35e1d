package dev.formation.plan;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.formation;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static dev.formation.plan.Fixtures.plan;
import static dev.formation.plan.Fixtures.planApp;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class CostAndTierPlanTest {

  @Test
  void plan_tierMoveBasicToStandard_oneBatchCoversWebAndWorker() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-1x", 1), proc("worker", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Basic", 1), live("worker", "Basic", 1)));

    assertThat(p.processChanges())
        .extracting(ProcessChange::type, ProcessChange::sizeToSend, ProcessChange::quantityToSend)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("web", "Standard-1X", null),
            org.assertj.core.api.Assertions.tuple("worker", "Standard-1X", null));
    assertThat(p.changes()).hasSameSizeAs(p.processChanges());
    assertThat(p.costDelta()).isEqualTo(CostRange.fixed(2 * (25 - 7)));
  }

  @Test
  void plan_unmanagedTypeLeftOnOldTierGroup_isAppError() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Basic", 1), live("worker", "Basic", 1)));

    assertThat(p.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo(Code.FM094))
        .extracting(Diagnostic::message)
        .asString()
        .contains("`worker` runs on Basic, which cannot share an app with Standard-1X");
    assertThat(p.changes()).isEmpty();
  }

  @Test
  void plan_unmanagedTypeOnOldTierGroupButPruned_isScaledDownInTheSameBatch() {
    AppPlan p =
        planApp(
            app("shop", true, proc("web", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Basic", 1), live("worker", "Basic", 1)));

    assertThat(p.errors()).isEmpty();
    assertThat(p.processChanges()).extracting(ProcessChange::type).containsExactly("web", "worker");
  }

  @Test
  void plan_tierMove_carriesIdleUnmanagedTypeIntoTheNewGroupAtZero() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Basic", 1), live("clock", "Basic", 0)));

    assertThat(p.errors()).isEmpty();
    assertThat(p.processChanges())
        .extracting(ProcessChange::type, ProcessChange::sizeToSend, ProcessChange::quantityToSend)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("clock", "Standard-1X", null),
            org.assertj.core.api.Assertions.tuple("web", "Standard-1X", null));
    assertThat(p.unmanaged()).isEmpty();
    assertThat(p.costDelta()).isEqualTo(CostRange.fixed(25 - 7));
  }

  @Test
  void plan_tierMoveWithPrune_scalesTheOldTypeToZeroOnTheNewGroupsSize() {
    AppPlan p =
        planApp(
            app("shop", true, proc("web", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Basic", 1), live("worker", "Basic", 1)));

    ProcessChange worker = p.processChanges().get(1);
    assertThat(worker.type()).isEqualTo("worker");
    assertThat(worker.toQuantity()).isZero();
    assertThat(worker.sizeToSend()).isEqualTo("Standard-1X");
    assertThat(worker.action()).isEqualTo(Action.REMOVE);
  }

  @Test
  void plan_sameGroup_leavesIdleUnmanagedTypesAlone() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-2x", 1)),
            liveApp("shop", null, live("web", "Standard-1X", 1), live("clock", "Standard-2X", 0)));

    assertThat(p.processChanges()).extracting(ProcessChange::type).containsExactly("web");
    assertThat(p.unmanaged()).extracting(UnmanagedProcess::type).containsExactly("clock");
  }

  @Test
  void plan_costs_sumPerAppAndWholePlanWithAutoscaleRanges() {
    Plan p =
        plan(
            formation(
                app(
                    "shop",
                    false,
                    auto("web", "performance-m", null, 2, 8),
                    proc("worker", "standard-2x", 3)),
                app("blog", false, proc("web", "basic", 1))),
            liveApp(
                "shop",
                monitor(true, 2, 8),
                live("web", "Performance-M", 4),
                live("worker", "Standard-2X", 1)),
            liveApp("blog", null, live("web", "Basic", 0)));

    assertThat(p.app("shop").orElseThrow().before()).isEqualTo(new CostRange(550, 2050));
    assertThat(p.app("shop").orElseThrow().after()).isEqualTo(new CostRange(650, 2150));
    assertThat(p.before()).isEqualTo(new CostRange(550, 2050));
    assertThat(p.after()).isEqualTo(new CostRange(657, 2157));
    assertThat(p.costDelta()).isEqualTo(CostRange.fixed(107));
    assertThat(p.toAdd()).isEqualTo(1);
    assertThat(p.toChange()).isEqualTo(1);
    assertThat(p.toRemove()).isZero();
  }

  @Test
  void plan_ecoDynos_costZeroAndMentionThePool() {
    AppPlan p =
        planApp(
            app("hobby", false, proc("web", "eco", 1)),
            liveApp("hobby", null, live("web", "Eco", 0)));

    assertThat(p.changes().get(0).costDelta()).isEqualTo(CostRange.ZERO);
    assertThat(p.notes()).anyMatch(n -> n.contains("$5/month eco pool"));
  }

  @Test
  void plan_unknownLiveSize_costsZeroWithANote() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Standard-1X", 1), live("old", "Hobby-Legacy", 2)));

    assertThat(p.unmanaged())
        .containsExactly(new UnmanagedProcess("old", "Hobby-Legacy", 2, CostRange.ZERO, false));
    assertThat(p.notes()).anyMatch(n -> n.contains("`Hobby-Legacy`") && n.contains("$0"));
    assertThat(p.errors()).isEmpty();
  }

  @Test
  void plan_changes_orderDisablesThenProcessesByTypeThenEnables() {
    AppPlan p =
        planApp(
            app(
                "shop",
                true,
                proc("web", "performance-m", 2),
                proc("worker", "performance-m", 2),
                proc("beat", "performance-m", 1)),
            liveApp(
                "shop",
                monitor(true, 2, 8),
                live("worker", "Performance-M", 1),
                live("web", "Performance-M", 4),
                live("beat", "Performance-M", 0),
                live("alerts", "Performance-M", 1)));

    assertThat(p.changes())
        .extracting(c -> c.getClass().getSimpleName() + ":" + c.type())
        .containsExactly(
            "MonitorChange:web",
            "ProcessChange:alerts",
            "ProcessChange:beat",
            "ProcessChange:web",
            "ProcessChange:worker");
  }
}
