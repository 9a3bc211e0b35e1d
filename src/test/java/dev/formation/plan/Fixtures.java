package dev.formation.plan;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short builders for desired and live formations, so plan tests read like the YAML they mimic. */
public final class Fixtures {
  private Fixtures() {}

  public static ProcessSpec proc(String type, String size, int quantity) {
    return new ProcessSpec(type, size(size), quantity, null, null);
  }

  public static ProcessSpec auto(String type, String size, Integer quantity, int min, int max) {
    return auto(type, size, quantity, new AutoscaleSpec(min, max, 500, true));
  }

  public static ProcessSpec auto(String type, String size, Integer quantity, AutoscaleSpec rule) {
    return new ProcessSpec(type, size(size), quantity, rule, null);
  }

  public static AppSpec app(String name, boolean prune, ProcessSpec... processes) {
    return new AppSpec(
        name, PlatformKind.named("heroku"), prune, null, Arrays.asList(processes), null);
  }

  public static Formation formation(AppSpec... apps) {
    return new Formation(List.of(apps));
  }

  public static LiveProcess live(String type, String size, int quantity) {
    return new LiveProcess(
        type, size, quantity, "bin/" + type, Instant.parse("2026-01-01T00:00:00Z"));
  }

  public static LiveMonitor monitor(boolean active, int min, int max) {
    return new LiveMonitor("mon-1", active, min, max, 500, true);
  }

  public static LiveApp liveApp(String name, LiveMonitor monitor, LiveProcess... processes) {
    return new LiveApp(name, "id-" + name, "cedar", Arrays.asList(processes), monitor);
  }

  public static AppPlan planApp(AppSpec spec, LiveApp live) {
    return new Planner(Catalog.standard()).planApp(spec, live);
  }

  public static Plan plan(Formation desired, LiveApp... live) {
    Map<String, LiveApp> byName = new LinkedHashMap<>();
    for (LiveApp app : live) {
      byName.put(app.name(), app);
    }
    return new Planner(Catalog.standard()).plan(desired, byName, Map.of());
  }

  private static Size size(String name) {
    return Catalog.standard().find(name).orElseThrow(() -> new IllegalArgumentException(name));
  }
}
