package dev.formation.ops;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Plan;
import dev.formation.plan.TypeWindow;
import java.time.Instant;

/**
 * The schedule check of {@code apply FILE}: a saved plan carries out what was in force at the
 * moment it was made for, so it is refused once another window (or the type's own values) is in
 * force.
 */
final class SavedWindows {
  private SavedWindows() {}

  /**
   * Adds an {@code FM092} error per scheduled type whose window the plan was made for has passed.
   */
  static void check(Plan saved, Instant now, Diagnostics diagnostics) {
    for (AppPlan app : saved.apps()) {
      if (app.schedule() == null || !app.hasChanges()) {
        continue;
      }
      for (TypeWindow t : app.schedule().types()) {
        if (t.holdsAt(now)) {
          continue;
        }
        String when =
            t.since() != null && now.isBefore(t.since())
                ? "starts only at " + t.since()
                : "ended at " + t.until();
        diagnostics.error(
            Code.FM092,
            "the saved plan was made for "
                + saved.at()
                + ", when "
                + t.label()
                + " of `"
                + t.type()
                + "` (app "
                + app.app()
                + ") was in force; that "
                + when
                + ", so nothing was changed",
            null,
            "make a new plan for now with `formation plan --out FILE`, or let"
                + " `formation apply` plan and apply in one step");
      }
    }
  }
}
