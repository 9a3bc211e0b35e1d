package dev.formation.ops;

import dev.formation.apply.LiveReader;
import dev.formation.apply.Platforms;
import dev.formation.catalog.Catalog;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.ConfigDigest;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import dev.formation.planfile.SavedPlan;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code formation plan}: load the config, select apps, read them live (changing nothing on any
 * platform), plan, and save the plan when asked.
 */
public final class PlanOperation {
  /**
   * @param out where to save the plan for {@code apply FILE}, or {@code null}
   */
  public record Request(ConfigSource config, Selection selection, Settings settings, Path out) {}

  /**
   * @param loaded the config as loaded, with the sources its diagnostics quote
   * @param plan the plan, or {@code null} when the config or the request failed
   * @param saved where the plan was saved, or {@code null}
   * @param diagnostics the config's and the operation's findings, in one list
   */
  public record Result(
      LoadResult loaded, Formation selected, Plan plan, Path saved, Diagnostics diagnostics) {
    public boolean ok() {
      return plan != null && !diagnostics.hasErrors();
    }
  }

  private final Host host;
  private final String version;
  private final Clock clock;

  public PlanOperation(Host host, String version, Clock clock) {
    this.host = host;
    this.version = version;
    this.clock = clock;
  }

  public Result run(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    Path out = request.out() == null ? null : request.config().workDir().resolve(request.out());
    if (out != null && !SavedPlans.checkTarget(out, request.out(), diagnostics)) {
      return new Result(null, null, null, null, diagnostics);
    }
    LoadResult loaded = Configs.load(request.config());
    diagnostics.addAll(loaded.diagnostics());
    Formation selected = select(loaded, request.selection(), diagnostics);
    if (selected == null) {
      return new Result(loaded, null, null, null, diagnostics);
    }
    Plan plan;
    try (Adapters platforms = new Adapters(host, request.settings(), version)) {
      plan = plan(selected, platforms, request.settings(), host.listener());
    }
    if (out == null) {
      return new Result(loaded, selected, plan, null, diagnostics);
    }
    SavedPlan saved =
        new SavedPlan(
            plan,
            ConfigDigest.of(selected),
            GitRecords.commitOf(request.config(), diagnostics),
            clock.instant(),
            version);
    boolean written = SavedPlans.write(out, request.out(), saved, diagnostics);
    return new Result(loaded, selected, plan, written ? request.out() : null, diagnostics);
  }

  /** The selected apps of a loaded config; {@code null} when it is invalid or a name is unknown. */
  static Formation select(LoadResult loaded, Selection selection, Diagnostics diagnostics) {
    if (!loaded.ok()) {
      return null;
    }
    return selection.select(loaded.formationOrNull(), diagnostics);
  }

  /** Reads every app of {@code selected} live, in parallel, and plans them. */
  static Plan plan(Formation selected, Platforms platforms, Settings settings, Listener listener) {
    LiveReader.Result live =
        new LiveReader(platforms, settings.parallelism(), listener::progress)
            .readApps(selected.apps());
    return new Planner(Catalog.standard()).plan(selected, live.live(), live.errors());
  }
}
