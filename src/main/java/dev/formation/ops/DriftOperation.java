package dev.formation.ops;

import dev.formation.apply.LiveReader;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.Drift;
import dev.formation.plan.DriftReport;
import dev.formation.platform.PlatformContext;
import java.time.Clock;
import java.time.Instant;

/** {@code formation drift}: the live platform against the config; reads only. */
public final class DriftOperation {
  /**
   * @param at the moment to evaluate schedules for ({@code --at}), or {@code null} for now
   */
  public record Request(ConfigSource config, Selection selection, Settings settings, Instant at) {
    /** Drift now. */
    public Request(ConfigSource config, Selection selection, Settings settings) {
      this(config, selection, settings, null);
    }
  }

  /**
   * @param report {@code null} when the config or the selection failed
   * @param diagnostics the config's findings, and an {@code FM120} error when an app could not be
   *     read (its drift is unknown, so a scheduled job fails as an error, not as drift)
   */
  public record Result(LoadResult loaded, DriftReport report, Diagnostics diagnostics) {}

  private final Host host;
  private final String version;
  private final Clock clock;

  /**
   * @param clock when the check happened, for the report
   */
  public DriftOperation(Host host, String version, Clock clock) {
    this.host = host;
    this.version = version;
    this.clock = clock;
  }

  public Result run(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    LoadResult loaded = Configs.load(request.config());
    diagnostics.addAll(loaded.diagnostics());
    Formation selected = PlanOperation.select(loaded, request.selection(), diagnostics);
    if (selected == null) {
      return new Result(loaded, null, diagnostics);
    }
    LiveReader.Result live;
    try (Adapters platforms =
        new Adapters(host, request.settings(), version, PlatformContext.Intent.INSPECT)) {
      live =
          new LiveReader(platforms, request.settings().parallelism(), host.listener()::progress)
              .readApps(selected.apps());
      platforms.warnings().forEach(diagnostics::add);
    }
    DriftReport report = Drift.classify(selected, live.live(), live.errors(), clock, request.at());
    // what a platform named itself (a weak local token) is shown with its own code and hint
    live.coded().values().forEach(diagnostics::add);
    // the summary is for failures no platform explained; each explained one is an error already
    if (!live.coded().keySet().containsAll(live.errors().keySet())) {
      diagnostics.error(
          Code.FM120,
          live.errors().size()
              + " of "
              + selected.apps().size()
              + " apps could not be read; their drift is unknown",
          null,
          "the report names each app and why; fix access (token, network) and run drift again");
    }
    return new Result(loaded, report, diagnostics);
  }
}
