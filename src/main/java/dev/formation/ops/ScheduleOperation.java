package dev.formation.ops;

import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.ScheduleReport;
import java.time.Clock;
import java.time.Instant;

/** {@code formation schedule}: each type's timeline and the weighted estimate; offline. */
public final class ScheduleOperation {
  /**
   * @param from the first moment of the timeline, or {@code null} for now
   * @param days how many days it covers, at least 1
   */
  public record Request(ConfigSource config, Selection selection, Instant from, int days) {
    public Request {
      if (days < 1) {
        throw new IllegalArgumentException("days must be at least 1: " + days);
      }
    }
  }

  /**
   * @param report {@code null} when the config or the selection failed
   */
  public record Result(LoadResult loaded, ScheduleReport report, Diagnostics diagnostics) {}

  private final Clock clock;

  public ScheduleOperation(Clock clock) {
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
    Instant from = request.from() != null ? request.from() : clock.instant();
    return new Result(loaded, ScheduleReport.of(selected, from, request.days()), diagnostics);
  }
}
