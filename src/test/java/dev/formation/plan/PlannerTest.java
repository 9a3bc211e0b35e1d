package dev.formation.plan;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.formation;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.plan;
import static dev.formation.plan.Fixtures.planApp;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.formation.catalog.Catalog;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

  @Test
  void plan_matchingFormation_hasNoChanges() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-2x", 2), proc("worker", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Standard-2X", 2), live("worker", "Standard-1X", 1)));

    assertThat(p.changes()).isEmpty();
    assertThat(p.errors()).isEmpty();
    assertThat(p.before()).isEqualTo(CostRange.fixed(125));
    assertThat(p.after()).isEqualTo(CostRange.fixed(125));
  }

  @Test
  void plan_sizeCaseDiffers_isNoChange() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "STANDARD-2x", 2)),
            liveApp("shop", null, live("web", "standard-2X", 2)));

    assertThat(p.hasChanges()).isFalse();
  }

  @Test
  void plan_quantityDiffers_changesQuantityOnlyWithCostDelta() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-2x", 5)),
            liveApp("shop", null, live("web", "Standard-2X", 2)));

    ProcessChange c = (ProcessChange) p.changes().get(0);
    assertThat(c.action()).isEqualTo(Action.CHANGE);
    assertThat(c.quantityToSend()).isEqualTo(5);
    assertThat(c.sizeToSend()).isNull();
    assertThat(c.costDelta()).isEqualTo(CostRange.fixed(150));
  }

  @Test
  void plan_sizeAndQuantityDiffer_oneChangeCarriesBoth() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "performance-m", 3)),
            liveApp("shop", null, live("web", "Standard-1X", 2)));

    assertThat(p.changes()).hasSize(1);
    ProcessChange c = (ProcessChange) p.changes().get(0);
    assertThat(c.fromSize()).isEqualTo("Standard-1X");
    assertThat(c.toSize()).isEqualTo("Performance-M");
    assertThat(c.quantityToSend()).isEqualTo(3);
    assertThat(c.sizeToSend()).isEqualTo("Performance-M");
    assertThat(c.costDelta()).isEqualTo(CostRange.fixed(3 * 250 - 2 * 25));
  }

  @Test
  void plan_sizeOnlyChange_sendsNoQuantity() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-2x", 2)),
            liveApp("shop", null, live("web", "Standard-1X", 2)));

    ProcessChange c = (ProcessChange) p.changes().get(0);
    assertThat(c.action()).isEqualTo(Action.CHANGE);
    assertThat(c.quantityToSend()).isNull();
    assertThat(c.sizeToSend()).isEqualTo("Standard-2X");
  }

  @Test
  void plan_scaleUpFromZeroAndDownToZero_countAsAddAndRemove() {
    AppPlan p =
        planApp(
            app("shop", false, proc("worker", "standard-2x", 3), proc("clock", "standard-1x", 0)),
            liveApp(
                "shop", null, live("worker", "Standard-2X", 0), live("clock", "Standard-1X", 1)));

    assertThat(p.changes())
        .extracting(Change::type, Change::action)
        .containsExactly(tuple("clock", Action.REMOVE), tuple("worker", Action.ADD));
    assertThat(p.count(Action.ADD)).isEqualTo(1);
    assertThat(p.count(Action.REMOVE)).isEqualTo(1);
  }

  @Test
  void plan_listedTypeMissingOnPlatform_isAppErrorAndNoChanges() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-1x", 4), proc("clock", "standard-1x", 1)),
            liveApp("shop", null, live("web", "Standard-1X", 2)));

    assertThat(p.errors())
        .containsExactly(
            Diagnostic.error(
                Code.FM093,
                "process type `clock` is not in the app's current release / Procfile",
                null,
                "deploy code that defines it first"));
    assertThat(p.changes()).isEmpty();
    assertThat(p.after()).isEqualTo(p.before()).isEqualTo(CostRange.fixed(50));
  }

  @Test
  void plan_unlistedTypeWithoutPrune_isUnmanagedAndCostedOnBothSides() {
    AppPlan p =
        planApp(
            app("shop", false, proc("web", "standard-1x", 1)),
            liveApp(
                "shop", null, live("web", "Standard-1X", 1), live("release", "Standard-2X", 2)));

    assertThat(p.changes()).isEmpty();
    assertThat(p.unmanaged())
        .containsExactly(
            new UnmanagedProcess("release", "Standard-2X", 2, CostRange.fixed(100), true));
    assertThat(p.before()).isEqualTo(CostRange.fixed(125));
    assertThat(p.after()).isEqualTo(CostRange.fixed(125));
  }

  @Test
  void plan_unlistedTypeWithPrune_isScaledToZero() {
    AppPlan p =
        planApp(
            app("shop", true, proc("web", "standard-1x", 1)),
            liveApp(
                "shop", null, live("web", "Standard-1X", 1), live("release", "Standard-2X", 2)));

    ProcessChange c = (ProcessChange) p.changes().get(0);
    assertThat(c.type()).isEqualTo("release");
    assertThat(c.action()).isEqualTo(Action.REMOVE);
    assertThat(c.quantityToSend()).isZero();
    assertThat(c.sizeToSend()).isNull();
    assertThat(c.costDelta()).isEqualTo(CostRange.fixed(-100));
    assertThat(p.unmanaged()).isEmpty();
    assertThat(p.after()).isEqualTo(CostRange.fixed(25));
  }

  @Test
  void plan_unlistedTypeAlreadyAtZeroWithPrune_isNoChange() {
    AppPlan p =
        planApp(
            app("shop", true, proc("web", "standard-1x", 1)),
            liveApp(
                "shop", null, live("web", "Standard-1X", 1), live("release", "Standard-2X", 0)));

    assertThat(p.hasChanges()).isFalse();
    assertThat(p.unmanaged()).isEmpty();
  }

  @Test
  void plan_unreadableApp_isErrorWithoutChangesOrCost() {
    Plan p =
        new Planner(Catalog.standard())
            .plan(
                formation(app("shop", false, proc("web", "standard-1x", 1))),
                Map.of(),
                Map.of("shop", "Couldn't find that app."));

    AppPlan shop = p.apps().get(0);
    assertThat(shop.live()).isNull();
    assertThat(shop.fingerprint()).isNull();
    assertThat(shop.errors())
        .containsExactly(
            Diagnostic.error(
                Code.FM120, "cannot read app shop: Couldn't find that app.", null, null));
    assertThat(shop.unread()).isTrue();
    assertThat(p.unreadApps()).isEqualTo(1);
    assertThat(p.incomplete()).isTrue();
    assertThat(p.hasChanges()).isFalse();
    assertThat(p.hasErrors()).isTrue();
  }

  @Test
  void plan_appsKeepConfigOrder() {
    Plan p =
        plan(
            formation(
                app("zeta", false, proc("web", "basic", 1)),
                app("alpha", false, proc("web", "basic", 1))),
            liveApp("alpha", null, live("web", "Basic", 1)),
            liveApp("zeta", null, live("web", "Basic", 0)));

    assertThat(p.apps()).extracting(AppPlan::app).containsExactly("zeta", "alpha");
    assertThat(p.toAdd()).isEqualTo(1);
  }
}
