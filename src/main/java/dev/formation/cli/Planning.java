package dev.formation.cli;

import dev.formation.apply.LiveReader;
import dev.formation.catalog.Catalog;
import dev.formation.cli.render.Colors;
import dev.formation.cli.render.TextDiagnostics;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import java.io.PrintWriter;

/**
 * The first half of plan and apply: load the config, select apps, read them live, plan. Errors in
 * the config are printed here as diagnostics, and the caller exits 1.
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
    return make(config.load(), selection, platforms, options, environment, err);
  }

  /** As above, with the config already loaded (from disk or from a git ref). */
  static Outcome make(
      LoadResult loaded,
      AppSelection selection,
      CliPlatforms platforms,
      PlatformOptions options,
      Environment environment,
      PrintWriter err) {
    Formation selected = select(loaded, selection, environment, err);
    if (selected == null) {
      return new Outcome(null, null);
    }
    LiveReader.Result live = read(selected, platforms, options, err);
    Plan plan = new Planner(Catalog.standard()).plan(selected, live.live(), live.errors());
    return new Outcome(selected, plan);
  }

  /**
   * The selected apps of a loaded config; {@code null} after printing why when the config is
   * invalid or {@code --app} names an app it does not have.
   */
  static Formation select(
      LoadResult loaded, AppSelection selection, Environment environment, PrintWriter err) {
    if (!loaded.diagnostics().isEmpty()) {
      new TextDiagnostics(loaded.sources(), Colors.when(environment.colour()))
          .render(loaded.diagnostics().sorted(), err);
    }
    if (!loaded.ok()) {
      err.println("error: the configuration is invalid; nothing was read from any platform");
      err.flush();
      return null;
    }
    try {
      return new Formation(selection.select(loaded.formationOrNull()));
    } catch (AppSelection.UnknownApp e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return null;
    }
  }

  /**
   * Reads every app of {@code selected} live, in parallel, with progress on {@code err}. The local
   * apps among them are registered with the local platform on first read.
   */
  static LiveReader.Result read(
      Formation selected, CliPlatforms platforms, PlatformOptions options, PrintWriter err) {
    platforms.useApps(selected.apps());
    return new LiveReader(platforms, options.parallelism(), line -> progress(err, line))
        .read(selected.apps());
  }

  static void progress(PrintWriter err, String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
