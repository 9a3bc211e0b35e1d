package dev.formation.cli.render;

import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.Change;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.ProcessChange;

/** The words for one change, shared by the text and markdown plans so they never disagree. */
final class ChangeText {
  private ChangeText() {}

  /** {@code web}, or {@code autoscale web} for a monitor change. */
  static String label(Change change) {
    return change instanceof MonitorChange ? "autoscale " + change.type() : change.type();
  }

  /** What the type or monitor is now: {@code Standard-1X ×2}, {@code 0}, or the band. */
  static String before(Change change) {
    if (change instanceof ProcessChange p) {
      // a bare 0 only where the type starts from nothing; a stopped type that is re-sized (a tier
      // move) keeps its size on both sides: Basic ×0 → Standard-1X ×0
      return p.fromQuantity() == 0 && p.toQuantity() > 0
          ? "0"
          : p.fromSize() + " ×" + p.fromQuantity();
    }
    MonitorChange m = (MonitorChange) change;
    return m.kind() == MonitorChange.Kind.ENABLE ? "off" : rule(m.from());
  }

  /** What the type or monitor will be once applied. */
  static String after(Change change) {
    if (change instanceof ProcessChange p) {
      String to =
          p.toQuantity() == 0 && p.fromQuantity() > 0 ? "0" : p.toSize() + " ×" + p.toQuantity();
      return p.autoscale() == null ? to : to + " (autoscale " + band(p.autoscale()) + ")";
    }
    MonitorChange m = (MonitorChange) change;
    return m.to() == null ? "off" : rule(m.to());
  }

  /** One phrase for the text plan: {@code Standard-1X ×2 → Performance-M ×2}. */
  static String detail(Change change) {
    if (change instanceof ProcessChange p && p.fromQuantity() == 0 && p.toQuantity() > 0) {
      return "0 → " + p.toQuantity() + " × " + p.toSize() + autoscaleSuffix(p);
    }
    if (change instanceof MonitorChange m && m.kind() != MonitorChange.Kind.UPDATE) {
      return m.kind() == MonitorChange.Kind.ENABLE ? rule(m.to()) : rule(m.from());
    }
    return before(change) + " → " + after(change);
  }

  /** {@code 2..8, p95 500 ms, notify}. */
  static String rule(AutoscaleRule rule) {
    return band(rule) + ", p95 " + rule.p95Ms() + " ms" + (rule.notifyApp() ? ", notify" : "");
  }

  private static String band(AutoscaleRule rule) {
    return rule.min() + ".." + rule.max();
  }

  private static String autoscaleSuffix(ProcessChange p) {
    return p.autoscale() == null ? "" : " (autoscale " + band(p.autoscale()) + ")";
  }
}
