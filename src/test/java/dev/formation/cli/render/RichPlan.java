package dev.formation.cli.render;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.proc;

import dev.formation.catalog.Catalog;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import java.util.List;
import java.util.Map;

/** One plan that exercises every kind of line the renderers draw. */
public final class RichPlan {
  private RichPlan() {}

  public static Plan plan() {
    Formation desired =
        new Formation(
            List.of(
                app(
                    "shop-production",
                    false,
                    proc("web", "performance-m", 2),
                    proc("worker", "standard-2x", 3),
                    proc("clock", "standard-1x", 0)),
                app(
                    "api-production",
                    false,
                    auto("web", "performance-l", null, new AutoscaleSpec(2, 8, 500, true)),
                    proc("worker", "performance-m", 2)),
                app(
                    "search",
                    true,
                    auto("web", "performance-m", null, new AutoscaleSpec(6, 8, 750, false))),
                app("legacy-admin", false, proc("web", "performance-m", 3)),
                app("blog", false, proc("web", "basic", 1)),
                app(
                    "broken",
                    false,
                    proc("web", "standard-1x", 1),
                    proc("clock", "standard-1x", 1)),
                app("gone", false, proc("web", "standard-1x", 1)),
                app("hobby", false, proc("web", "eco", 1))));
    List<LiveApp> live =
        List.of(
            liveApp(
                "shop-production",
                null,
                live("web", "Standard-1X", 2),
                live("worker", "Standard-2X", 0),
                live("clock", "Standard-1X", 1),
                live("release", "Standard-2X", 1)),
            liveApp(
                "api-production",
                new LiveMonitor("mon-api", false, 1, 4, 1000, false),
                live("web", "Performance-L", 1),
                live("worker", "Performance-M", 2)),
            liveApp(
                "search",
                new LiveMonitor("mon-search", true, 2, 8, 750, false),
                live("web", "Performance-M", 5),
                live("indexer", "Performance-M", 1)),
            liveApp(
                "legacy-admin",
                new LiveMonitor("mon-legacy", true, 2, 4, 1000, true),
                live("web", "Performance-M", 4)),
            liveApp("blog", null, live("web", "Basic", 1)),
            liveApp("broken", null, live("web", "Standard-1X", 1)),
            liveApp("hobby", null, live("web", "Eco", 0)));
    Map<String, LiveApp> byName = new java.util.LinkedHashMap<>();
    live.forEach(a -> byName.put(a.name(), a));
    return new Planner(Catalog.standard())
        .plan(desired, byName, Map.of("gone", "Couldn't find that app. (not_found, HTTP 404)"));
  }
}
