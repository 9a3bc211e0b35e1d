package dev.formation.plan;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.formation;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.plan;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetingTest {
  private final List<Diagnostic> problems = new ArrayList<>();

  private Plan narrow(Plan whole, Target... targets) {
    return Targeting.narrow(whole, List.of(targets), Catalog.standard(), problems);
  }

  private static Plan shop(String liveSize) {
    return plan(
        formation(
            app(
                "shop",
                true,
                auto("web", "performance-m", null, 2, 4),
                proc("worker", "performance-m", 3))),
        liveApp(
            "shop",
            null,
            live("web", liveSize, 1),
            live("worker", liveSize, 1),
            live("clock", liveSize, 1)));
  }

  @Test
  void aTypedTarget_keepsItsChangesAndItsAutoscaler_andCostsOnlyThem() {
    Plan whole = shop("Standard-2X");

    Plan web = narrow(whole, new Target("shop", "web"));

    AppPlan app = web.apps().get(0);
    assertThat(app.changes()).extracting(Change::type).containsOnly("web");
    assertThat(app.changes()).hasSize(2); // the resize and the autoscaler it gets
    assertThat(app.after().minus(app.before()))
        .isEqualTo(
            app.changes().stream().map(Change::costDelta).reduce(CostRange.ZERO, CostRange::plus));
    assertThat(web.notTargeted(app)).containsExactly("clock", "worker");
    assertThat(web.targets()).containsExactly(new Target("shop", "web"));
    assertThat(problems).isEmpty();
  }

  @Test
  void anUnlistedTypeIsNeverPruned_byATypedTarget_butIsByTheWholeApp() {
    Plan whole = shop("Standard-2X");

    assertThat(narrow(whole, new Target("shop", "worker")).apps().get(0).changes())
        .extracting(Change::type)
        .containsOnly("worker");
    assertThat(narrow(whole, new Target("shop", null)).apps().get(0).changes())
        .extracting(Change::type)
        .contains("clock");
  }

  @Test
  void aTierMoveLeavingAnUntargetedTypeBehind_isFM182_namingEachOne() {
    narrow(shop("Basic"), new Target("shop", "web"));

    assertThat(problems)
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo(Code.FM182))
        .extracting(Diagnostic::message)
        .asString()
        .contains("would leave clock, worker (not targeted) behind");
  }

  @Test
  void noTargets_isThePlanItself() {
    Plan whole = shop("Standard-2X");

    assertThat(narrow(whole)).isSameAs(whole);
    assertThat(whole.notTargeted(whole.apps().get(0))).isEmpty();
  }

  @Test
  void targetWords_readBack() {
    assertThat(Target.parse("shop.web")).isEqualTo(new Target("shop", "web"));
    assertThat(Target.parse("shop")).isEqualTo(new Target("shop", null));
    assertThat(new Target("shop", "web").word()).isEqualTo("shop.web");
  }
}
