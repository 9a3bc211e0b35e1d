package dev.formation.cli;

import dev.formation.apply.LiveReader;
import dev.formation.catalog.Catalog;
import dev.formation.cli.render.Colors;
import dev.formation.cli.render.TextDiagnostics;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import java.io.PrintWriter;
import java.util.List;

/**
 * The first half of plan and apply: load the config, select apps, read them live, plan. Errors
 * in the config are printed here as diagnostics, and the caller exits 1.
 */
final class Planning {
  private Planning() {}

  /** A plan and the formation it was made from; {@code plan} is null when the config failed. */
  record Outcome(Formation formation, Plan plan) {
    boolean failed() {
      return plan == null;
    }
  }

  static Outcome make(
      ConfigOptions config,
      AppSelection selection,
      CliPlatforms platforms,
      PlatformOptions options,
      Environment environment,
      PrintWriter err) {
    LoadResult loaded = config.load();
    if (!loaded.diagnostics().isEmpty()) {
      new TextDiagnostics(loaded.sources(), Colors.when(environment.colour()))
          .render(loaded.diagnostics().sorted(), err);
    }
    if (!loaded.ok()) {
      err.println("error: the configuration is invalid; nothing was read from any platform");
      err.flush();
      return new Outcome(null, null);
    }
    List<AppSpec> apps;
    try {
      apps = selection.select(loaded.formationOrNull());
    } catch (AppSelection.UnknownApp e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return new Outcome(null, null);
    }
    Formation selected = new Formation(apps);
    platforms.useApps(apps);
    LiveReader.Result live =
        new LiveReader(platforms, options.parallelism(), line -> progress(err, line)).read(apps);
    Plan plan = new Planner(Catalog.standard()).plan(selected, live.live(), live.errors());
    return new Outcome(selected, plan);
  }

  static void progress(PrintWriter err, String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
