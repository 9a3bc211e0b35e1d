package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.Guardrail;
import dev.formation.config.GuardrailSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import dev.formation.plan.FormationDiff.Kind;
import dev.formation.plan.FormationDiff.SettingDiff;
import dev.formation.plan.FormationDiff.WindowDiff;
import dev.formation.plan.schedule.Windows;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The schedule and guardrail side of {@link FormationDiff}: windows, zones and guardrails. */
final class Schedules {
  private Schedules() {}

  /** The windows of a type that differ between two versions, newer order first, then removed. */
  static List<WindowDiff> windows(ProcessSpec older, ProcessSpec newer) {
    List<WindowDiff> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    if (newer != null) {
      newer.schedule().forEach(w -> names.add(w.name()));
    }
    if (older != null) {
      older.schedule().forEach(w -> names.add(w.name()));
    }
    for (String name : names) {
      WindowSpec a = find(older, name).orElse(null);
      WindowSpec b = find(newer, name).orElse(null);
      WindowState s1 = a == null ? null : WindowState.of(a);
      WindowState s2 = b == null ? null : WindowState.of(b);
      if (s1 != null && s1.sameAs(s2)) {
        continue;
      }
      Kind kind = s1 == null ? Kind.ADDED : s2 == null ? Kind.REMOVED : Kind.CHANGED;
      CostRange delta = share(newer, b).minus(share(older, a));
      out.add(new WindowDiff(name, kind, s1, s2, delta));
    }
    return out;
  }

  /**
   * What a window adds to its type's weighted estimate: the difference between its own cost and the
   * type's, for the share of the week it is in force.
   */
  static CostRange share(ProcessSpec p, WindowSpec w) {
    if (p == null || w == null) {
      return CostRange.ZERO;
    }
    CostRange inside = Costs.of(Windows.effective(p, w));
    CostRange base = Costs.of(p);
    long min =
        Math.round(
            (double) (inside.minUsd() - base.minUsd()) * w.weeklyMinutes() / WindowSpec.WEEK);
    long max =
        Math.round(
            (double) (inside.maxUsd() - base.maxUsd()) * w.weeklyMinutes() / WindowSpec.WEEK);
    return CostRange.between(min, max);
  }

  /** The app's zone (when either version has schedules) and guardrails, where they differ. */
  static List<SettingDiff> settings(AppSpec a, AppSpec b) {
    List<SettingDiff> out = new ArrayList<>();
    if ((a.scheduled() || b.scheduled()) && !a.timezone().equals(b.timezone())) {
      out.add(new SettingDiff("timezone", a.timezone().getId(), b.timezone().getId()));
    }
    for (Guardrail g : Guardrail.values()) {
      String before = value(a.guardrails(), g);
      String after = value(b.guardrails(), g);
      if (!Objects.equals(before, after)) {
        out.add(new SettingDiff("guardrails." + g.key(), before, after));
      }
    }
    return out;
  }

  private static String value(GuardrailSpec g, Guardrail rule) {
    return switch (rule) {
      case MAX_MONTHLY_INCREASE ->
          g.maxMonthlyIncrease() == null ? null : String.valueOf(g.maxMonthlyIncrease());
      case MAX_SCALE_DOWN_PERCENT ->
          g.maxScaleDownPercent() == null ? null : String.valueOf(g.maxScaleDownPercent());
      case PROTECT -> g.protect() == null ? null : "[" + String.join(", ", g.protect()) + "]";
      case REQUIRE_BRANCH -> g.requireBranch();
    };
  }

  private static Optional<WindowSpec> find(ProcessSpec p, String name) {
    return p == null
        ? Optional.empty()
        : p.schedule().stream().filter(w -> w.name().equals(name)).findFirst();
  }
}
