package dev.formation.cli.render;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.live.LiveApp;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import dev.formation.testing.Golden;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownPlanRendererTest {

  @Test
  void render_richPlan_matchesGolden() {
    Golden.assertMatches("plan/rich.md", new MarkdownPlanRenderer().render(RichPlan.plan()));
  }

  @Test
  void render_headline_givesCountsCostAndPercent() {
    Plan p =
        planOf(
            List.of(app("shop", false, proc("web", "standard-1x", 4))),
            List.of(liveApp("shop", null, live("web", "Standard-1X", 2))));

    assertThat(new MarkdownPlanRenderer().render(p))
        .startsWith(
            "### formation plan: 0 to add, 1 to change, 0 to remove — monthly estimate +$50"
                + " (+100%)\n");
  }

  @Test
  void render_headline_noChanges_saysTheEstimateIsUnchangedAndNamesFailedApps() {
    Plan p =
        planOf(
            List.of(
                app("shop", false, proc("web", "standard-1x", 2)),
                app("blog", false, proc("clock", "standard-1x", 1))),
            List.of(
                liveApp("shop", null, live("web", "Standard-1X", 2)),
                liveApp("blog", null, live("web", "Standard-1X", 1))));

    assertThat(new MarkdownPlanRenderer().render(p))
        .startsWith(
            "### formation plan: no changes, 1 app with errors — monthly estimate unchanged"
                + " at $75\n");
  }

  @Test
  void render_twoHundredApps_foldsTheUnchangedOnesIntoOneList() {
    List<AppSpec> specs = new ArrayList<>();
    List<LiveApp> live = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String name = String.format("app-%03d", i);
      specs.add(app(name, false, proc("web", "standard-1x", i == 7 ? 3 : 1)));
      live.add(liveApp(name, null, live("web", "Standard-1X", 1)));
    }

    String md = new MarkdownPlanRenderer().render(planOf(specs, live));

    assertThat(md).contains("#### app-007 (heroku)").doesNotContain("#### app-008");
    assertThat(md).contains("<details><summary>199 apps without changes</summary>");
    assertThat(md.lines().count()).isLessThan(230);
  }

  /** Builds a plan from lists, for plans too big to spell out. */
  private static Plan planOf(List<AppSpec> specs, List<LiveApp> live) {
    Map<String, LiveApp> byName = new HashMap<>();
    live.forEach(a -> byName.put(a.name(), a));
    return new Planner(Catalog.standard()).plan(new Formation(specs), byName, Map.of());
  }
}
