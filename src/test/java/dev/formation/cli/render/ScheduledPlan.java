package dev.formation.cli.render;

import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;

import dev.formation.catalog.Catalog;
import dev.formation.config.ConfigLoader;
import dev.formation.config.Formation;
import dev.formation.config.Guardrail;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.plan.Guardrails;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A plan with schedules and guardrails, for the golden files of every renderer. */
public final class ScheduledPlan {
  /** Monday 2026-12-07, 09:00 in New York, 15:00 in Berlin: business hours in both. */
  public static final Instant AT = Instant.parse("2026-12-07T14:00:00Z");

  public static final String CONFIG =
      """
      version: 1
      timezone: Europe/Berlin
      guardrails:
        max_monthly_increase: 400
        max_scale_down_percent: 50
        protect: [web]
      apps:
        shop-production:
          timezone: America/New_York
          guardrails: {max_monthly_increase: 2000}
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 8, p95_ms: 500}
              schedule:
                - {name: business-hours, days: mon-fri, from: "08:00", to: "19:00", autoscale: {min: 4, max: 10}}
            worker:
              size: standard-2x
              quantity: 1
              schedule:
                - {name: nightly-batch, days: daily, from: "01:00", to: "04:00", quantity: 6}
        reports:
          processes:
            web: {size: standard-1x, quantity: 1}
            builder:
              size: standard-2x
              quantity: 2
              schedule:
                - {name: office, days: mon-fri, from: "09:00", to: "18:00", quantity: 12}
        quiet-site:
          processes:
            web:
              size: standard-1x
              quantity: 1
              schedule:
                - {name: weekend-off, days: weekends, from: "00:00", to: "24:00", quantity: 0}
      """;

  private ScheduledPlan() {}

  public static Formation formation() {
    return load(CONFIG);
  }

  static Formation load(String yaml) {
    LoadResult r =
        new ConfigLoader(Catalog.standard(), Path.of("."))
            .loadTexts(List.of(new SourceText("formation.yaml", yaml, null)));
    if (!r.ok()) {
      throw new IllegalStateException("fixture config is invalid: " + r.diagnostics().sorted());
    }
    return r.formationOrNull();
  }

  /** Planned at {@link #AT}; the reports app breaks max_monthly_increase, allowed by --allow. */
  public static Plan plan() {
    return plan(Set.of(Guardrail.MAX_MONTHLY_INCREASE));
  }

  public static Plan plan(Set<Guardrail> allowed) {
    List<LiveApp> live =
        List.of(
            liveApp(
                "shop-production",
                new LiveMonitor("mon-shop", true, 2, 8, 500, false),
                live("web", "Performance-M", 3),
                live("worker", "Standard-2X", 1)),
            liveApp(
                "reports", null, live("web", "Standard-1X", 1), live("builder", "Standard-2X", 2)),
            liveApp("quiet-site", null, live("web", "Standard-1X", 1)));
    Map<String, LiveApp> byName = new LinkedHashMap<>();
    live.forEach(a -> byName.put(a.name(), a));
    Formation desired = formation();
    Plan plan = new Planner(Catalog.standard()).plan(desired, byName, Map.of(), AT);
    return Guardrails.check(plan, desired, allowed, null);
  }
}
