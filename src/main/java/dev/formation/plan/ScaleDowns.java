package dev.formation.plan;

import dev.formation.config.Guardrail;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code max_scale_down_percent} guardrail: per process type, the share of its dynos a plan
 * removes. It exists to stop a reviewed change from cutting capacity too fast, not to protect a
 * hand change from being undone: when dynos were added by hand since the last recorded apply, the
 * share is measured from what that apply left, and a plan that only brings the type back to it is
 * no breach. Without a record it is measured from the live count. The plan says which.
 */
final class ScaleDowns {
  private ScaleDowns() {}

  /**
   * Adds a breach to {@code out} for each type that loses too large a share, and to {@code notes} a
   * line for each type whose scale-down was judged against the last recorded apply instead.
   *
   * @param counts per live type its dynos before and after the plan, {@code [from, to]}
   */
  static void check(
      AppPlan app,
      int limit,
      Map<String, int[]> counts,
      Function<String, AppliedFormation> lastApplied,
      List<GuardrailBreach> out,
      List<String> notes) {
    AppliedFormation last = null;
    boolean asked = false;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      String type = e.getKey();
      int live = e.getValue()[0];
      int to = e.getValue()[1];
      if (!tooMany(live, to, limit)) {
        continue;
      }
      if (!asked) {
        last = lastApplied.apply(app.app());
        asked = true;
      }
      Integer recorded = last == null ? null : last.dynos(type);
      if (recorded == null || recorded >= live) {
        String basis =
            recorded == null
                ? "measured from the live count: no apply of this app that names `"
                    + type
                    + "` is recorded in git"
                : "measured from the live count";
        out.add(breach(type, live, to, limit, basis));
        continue;
      }
      String since = "the last recorded apply (" + last.at() + ") left " + recorded;
      if (to >= recorded) {
        notes.add(
            "guardrail max_scale_down_percent: `"
                + type
                + "` "
                + live
                + " → "
                + to
                + " only undoes dynos added since "
                + since
                + "; not a scale-down");
      } else if (tooMany(recorded, to, limit)) {
        out.add(breach(type, recorded, to, limit, "measured from " + recorded + ": " + since));
      } else {
        notes.add(
            "guardrail max_scale_down_percent: `"
                + type
                + "` "
                + live
                + " → "
                + to
                + " removes "
                + percent(recorded, to)
                + "% of the "
                + recorded
                + " that the last recorded apply ("
                + last.at()
                + ") left, within the limit of "
                + limit
                + "%");
      }
    }
  }

  private static boolean tooMany(int from, int to, int limit) {
    return from > 0 && to < from && (long) (from - to) * 100 > (long) limit * from;
  }

  private static long percent(int from, int to) {
    return Math.round(100.0 * (from - to) / from);
  }

  private static GuardrailBreach breach(String type, int from, int to, int limit, String basis) {
    return new GuardrailBreach(
        Guardrail.MAX_SCALE_DOWN_PERCENT,
        type,
        "`"
            + type
            + "` goes from "
            + from
            + " to "
            + to
            + (to == 1 ? " dyno" : " dynos")
            + ", "
            + percent(from, to)
            + "% removed; the limit is "
            + limit
            + "% ("
            + basis
            + ")",
        false);
  }
}
