package dev.formation.apply;

import java.util.List;

/**
 * The result of one apply, one entry per planned app in plan order.
 *
 * @param interrupted whether the apply was interrupted (Ctrl-C) before it finished
 */
public record ApplyReport(List<AppResult> apps, boolean interrupted) {
  public ApplyReport {
    apps = List.copyOf(apps);
  }

  public ApplyReport(List<AppResult> apps) {
    this(apps, false);
  }

  /** True when any app failed or could not be applied: the apply as a whole exits 1. */
  public boolean failed() {
    return apps.stream().anyMatch(AppResult::failed);
  }

  public long count(AppResult.Outcome outcome) {
    return apps.stream().filter(a -> a.outcome() == outcome).count();
  }
}
