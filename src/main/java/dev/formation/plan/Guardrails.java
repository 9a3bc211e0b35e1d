package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.Guardrail;
import dev.formation.config.GuardrailSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a plan against each app's guardrails (docs/schedules.md) and lists every breach under its
 * app. Pure: what git knows about the commit being applied is an input. Guardrails judge what the
 * plan would bring about at the moment it was made for, schedules included; an autoscaler's band
 * counts at its {@code max}, before and after.
 */
public final class Guardrails {
  private Guardrails() {}

  /**
   * The plan with each app's breaches; those whose rule is in {@code allowed} are marked allowed.
   *
   * @param branchProblem for {@code require_branch}: why the commit being applied is not on the
   *     given branch, or {@code null} when it is; {@code null} itself when nothing is being applied
   *     (a plan only), so that the rule is not judged
   */
  public static Plan check(
      Plan plan,
      Formation desired,
      Set<Guardrail> allowed,
      Function<String, String> branchProblem) {
    return check(plan, desired, allowed, branchProblem, app -> null);
  }

  /**
   * As {@link #check(Plan, Formation, Set, Function)}, measuring scale-downs against what the last
   * recorded apply left.
   *
   * @param lastApplied the formation each app's last recorded apply left, or {@code null} when none
   *     is recorded; asked only for an app whose plan would otherwise breach {@code
   *     max_scale_down_percent}, so that nothing is read from git for a plan that needs nothing
   */
  public static Plan check(
      Plan plan,
      Formation desired,
      Set<Guardrail> allowed,
      Function<String, String> branchProblem,
      Function<String, AppliedFormation> lastApplied) {
    List<AppPlan> apps = new ArrayList<>();
    for (AppPlan app : plan.apps()) {
      AppSpec spec = desired.app(app.app()).orElse(null);
      if (spec == null || spec.guardrails().isEmpty() || app.hasErrors() || !app.hasChanges()) {
        apps.add(app);
        continue;
      }
      List<GuardrailBreach> found = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (GuardrailBreach b : breaches(app, spec, branchProblem, lastApplied, notes)) {
        found.add(allowed.contains(b.rule()) ? b.allow() : b);
      }
      apps.add(app.withBreaches(found, notes));
    }
    return plan.withApps(apps);
  }

  static List<GuardrailBreach> breaches(
      AppPlan app, AppSpec spec, Function<String, String> branchProblem) {
    return breaches(app, spec, branchProblem, a -> null, new ArrayList<>());
  }

  private static List<GuardrailBreach> breaches(
      AppPlan app,
      AppSpec spec,
      Function<String, String> branchProblem,
      Function<String, AppliedFormation> lastApplied,
      List<String> notes) {
    GuardrailSpec g = spec.guardrails();
    List<GuardrailBreach> out = new ArrayList<>();
    if (g.maxMonthlyIncrease() != null) {
      long increase = app.after().maxUsd() - app.before().maxUsd();
      if (increase > g.maxMonthlyIncrease()) {
        out.add(
            breach(
                Guardrail.MAX_MONTHLY_INCREASE,
                null,
                "+"
                    + CostRange.usd(increase)
                    + "/mo is over the limit of "
                    + CostRange.usd(g.maxMonthlyIncrease())
                    + "/mo"));
      }
    }
    Map<String, int[]> counts = counts(app);
    if (g.maxScaleDownPercent() != null) {
      ScaleDowns.check(app, g.maxScaleDownPercent(), counts, lastApplied, out, notes);
    }
    for (String type : g.protectedTypes()) {
      int[] c = counts.get(type);
      if (c != null && c[0] >= 1 && c[1] < 1) {
        boolean pruned = spec.process(type).isEmpty();
        out.add(
            breach(
                Guardrail.PROTECT,
                type,
                "`"
                    + type
                    + "` is protected, but the plan "
                    + (pruned ? "prunes it" : "scales it")
                    + " from "
                    + c[0]
                    + " to 0 dynos"));
      }
    }
    String branch = g.requireBranch();
    if (branch != null && branchProblem != null) {
      String problem = branchProblem.apply(branch);
      if (problem != null) {
        out.add(
            breach(
                Guardrail.REQUIRE_BRANCH,
                null,
                "apply only from a commit on `" + branch + "`: " + problem));
      }
    }
    return out;
  }

  /**
   * Each live type's dynos before and after the plan, {@code [from, to]}, an autoscaled type at its
   * band's {@code max}, in the order the platform lists them.
   */
  static Map<String, int[]> counts(AppPlan app) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    LiveApp live = app.live();
    if (live == null) {
      return counts;
    }
    boolean monitorOn = live.monitor() != null && live.monitor().active();
    for (LiveProcess p : live.processes()) {
      boolean auto = monitorOn && p.type().equals(AppPlanner.WEB);
      int from = auto ? live.monitor().max() : p.quantity();
      int quantity = p.quantity();
      Integer band = auto ? live.monitor().max() : null;
      for (Change c : app.changes()) {
        if (!p.type().equals(c.type())) {
          continue;
        }
        if (c instanceof ProcessChange pc) {
          quantity = pc.toQuantity();
        } else if (c instanceof MonitorChange m) {
          band = m.to() == null ? null : m.to().max();
        }
      }
      counts.put(p.type(), new int[] {from, band != null ? band : quantity});
    }
    return counts;
  }

  private static GuardrailBreach breach(Guardrail rule, String type, String detail) {
    return new GuardrailBreach(rule, type, detail, false);
  }
}
