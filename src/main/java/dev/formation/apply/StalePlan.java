package dev.formation.apply;

import dev.formation.live.LiveApp;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Fingerprint;
import dev.formation.plan.LiveMoves;
import dev.formation.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a saved plan still holds: every planned app's live fingerprint must be the one
 * the plan was made against. Apps without changes are not compared, since applying the plan does
 * nothing to them.
 */
public final class StalePlan {
  private StalePlan() {}

  /** What moved, per app, between the saved plan and {@code now}; empty when the plan holds. */
  public static Map<String, List<String>> moves(Plan saved, LiveReader.Result now) {
    Map<String, List<String>> moved = new LinkedHashMap<>();
    for (AppPlan app : saved.apps()) {
      if (!app.hasChanges()) {
        continue;
      }
      LiveApp live = now.live().get(app.app());
      if (live == null) {
        moved.put(app.app(), List.of("cannot read it now: " + now.errors().get(app.app())));
      } else if (!Fingerprint.of(live).equals(app.fingerprint())) {
        List<String> what =
            new ArrayList<>(app.live() == null ? List.of() : LiveMoves.between(app.live(), live));
        if (what.isEmpty()) {
          what.add(
              "its live state changed (fingerprint "
                  + app.fingerprint()
                  + " → "
                  + Fingerprint.of(live)
                  + ")");
        }
        moved.put(app.app(), what);
      }
    }
    return moved;
  }

  /** The saved plan with each app's live state replaced by the fresh read (same fingerprint). */
  public static Plan rebased(Plan saved, LiveReader.Result now) {
    List<AppPlan> apps = new ArrayList<>();
    for (AppPlan a : saved.apps()) {
      LiveApp live = now.live().getOrDefault(a.app(), a.live());
      apps.add(a.withLive(live));
    }
    return saved.withApps(apps);
  }
}
