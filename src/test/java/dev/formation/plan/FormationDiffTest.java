package dev.formation.plan;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.formation;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.Formation;
import org.junit.jupiter.api.Test;

class FormationDiffTest {
  private final Formation before =
      formation(
          app("shop", false, proc("web", "standard-2x", 2), proc("worker", "eco", 1)),
          app("blog", false, proc("web", "basic", 1)));

  @Test
  void between_sameFormation_isEmpty_withEqualCosts() {
    FormationDiff diff = FormationDiff.between(before, before);

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.before()).isEqualTo(CostRange.fixed(107));
    assertThat(diff.costDelta()).isEqualTo(CostRange.ZERO);
  }

  @Test
  void between_quantityAndSize_areOneChangedType_costedLikeThePlanner() {
    Formation after =
        formation(
            app("shop", false, proc("web", "performance-m", 2), proc("worker", "eco", 1)),
            app("blog", false, proc("web", "basic", 1)));

    FormationDiff diff = FormationDiff.between(before, after);

    assertThat(diff.apps())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.app()).isEqualTo("shop");
              assertThat(a.types())
                  .singleElement()
                  .satisfies(
                      t -> {
                        assertThat(t.kind()).isEqualTo(FormationDiff.Kind.CHANGED);
                        assertThat(t.costDelta()).isEqualTo(CostRange.fixed(400));
                      });
            });
    // eco dynos are $0 each (the account's pool), as in the plan
    assertThat(diff.after()).isEqualTo(CostRange.fixed(507));
  }

  @Test
  void between_autoscaleBand_isARange_andBandChangesAlone_count() {
    Formation a = formation(app("shop", false, auto("web", "performance-m", null, 2, 4)));
    Formation b = formation(app("shop", false, auto("web", "performance-m", null, 2, 6)));

    FormationDiff diff = FormationDiff.between(a, b);

    assertThat(diff.before()).isEqualTo(new CostRange(500, 1000));
    assertThat(diff.after()).isEqualTo(new CostRange(500, 1500));
    assertThat(diff.apps().get(0).types()).hasSize(1);
  }

  @Test
  void between_appsAndTypesAddedOrRemoved_andPrune_areReported() {
    Formation after =
        formation(
            app("shop", true, proc("web", "standard-2x", 2), proc("clock", "eco", 1)),
            app("docs", false, proc("web", "basic", 1)));

    FormationDiff diff = FormationDiff.between(before, after);

    assertThat(diff.apps())
        .extracting(FormationDiff.AppDiff::app, FormationDiff.AppDiff::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("shop", FormationDiff.Kind.CHANGED),
            org.assertj.core.groups.Tuple.tuple("docs", FormationDiff.Kind.ADDED),
            org.assertj.core.groups.Tuple.tuple("blog", FormationDiff.Kind.REMOVED));
    FormationDiff.AppDiff shop = diff.apps().get(0);
    assertThat(shop.pruneChanged()).isTrue();
    assertThat(shop.types())
        .extracting(FormationDiff.TypeDiff::type, FormationDiff.TypeDiff::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("clock", FormationDiff.Kind.ADDED),
            org.assertj.core.groups.Tuple.tuple("worker", FormationDiff.Kind.REMOVED));
  }

  @Test
  void costs_areThePlannersCosts() {
    var spec =
        app(
            "shop",
            false,
            auto("web", "performance-l", null, 1, 3),
            proc("worker", "standard-1x", 4));

    assertThat(Costs.of(spec)).isEqualTo(new CostRange(600, 1600));
    var plan =
        Fixtures.planApp(
            spec,
            Fixtures.liveApp(
                "shop",
                null,
                Fixtures.live("web", "Performance-L", 1),
                Fixtures.live("worker", "Standard-1X", 4)));
    assertThat(plan.after()).isEqualTo(Costs.of(spec));
  }
}
