package dev.formation.cli.render;

import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.CostRange;
import dev.formation.plan.FormationDiff.SettingDiff;
import dev.formation.plan.FormationDiff.TypeDiff;
import dev.formation.plan.FormationDiff.WindowDiff;
import dev.formation.plan.WindowState;
import dev.formation.planfile.PlanJson;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The words and JSON for changed windows, zones and guardrails in {@code diff} and {@code log}. */
final class WindowDiffText {
  private WindowDiffText() {}

  /**
   * What a version of a window declares: {@code mon-fri 08:00–19:00 autoscale 4..10, p95 500 ms}.
   */
  static String state(WindowState w) {
    String value =
        w.autoscale() == null ? "×" + w.quantity() : "autoscale " + w.autoscale().describe();
    return w.days() + " " + w.from() + "–" + w.to() + " " + value;
  }

  /** {@code + window nightly-batch: daily 01:00–04:00 ×6 (12.5% of the week)}. */
  static String change(WindowDiff w) {
    String text =
        switch (w.kind()) {
          case ADDED -> stateAndShare(w.after());
          case REMOVED -> state(w.before()) + " → removed";
          case CHANGED -> state(w.before()) + " → " + stateAndShare(w.after());
        };
    return DiffRenderer.mark(w.kind()) + " window " + w.name() + ": " + text;
  }

  /** {@code daily 01:00–04:00 ×6 (12.5% of the week)}. */
  static String stateAndShare(WindowState w) {
    return state(w) + " (" + String.format(Locale.ROOT, "%.1f", w.weekPercent()) + "% of the week)";
  }

  /** {@code ~ timezone: UTC → America/New_York}; an unset value reads {@code none}. */
  static String setting(SettingDiff s) {
    return "~ "
        + s.key()
        + ": "
        + (s.before() == null ? "none" : s.before())
        + " → "
        + (s.after() == null ? "none" : s.after());
  }

  /** A window as {@code diff --format json} writes it ({@code $defs/diffWindow}). */
  static JsonNode json(WindowState w) {
    if (w == null) {
      return PlanJson.MAPPER.nullNode();
    }
    ObjectNode n = PlanJson.MAPPER.createObjectNode();
    n.put("days", w.days());
    n.put("from", w.from());
    n.put("to", w.to());
    n.put("quantity", w.quantity());
    AutoscaleRule r = w.autoscale();
    if (r == null) {
      n.putNull("autoscale");
    } else {
      ObjectNode a = n.putObject("autoscale");
      a.put("min", r.min());
      a.put("max", r.max());
      a.put("p95_ms", r.p95Ms());
      a.put("notify", r.notifyApp());
      if (r.queueDriven()) {
        a.put("queue", r.queue());
      }
    }
    n.put("weekly_minutes", w.weeklyMinutes());
    return n;
  }

  /** The part of a type's cost change that is not its windows': the change of its own values. */
  static CostRange baseDelta(TypeDiff t) {
    CostRange windows =
        t.windows().stream().map(WindowDiff::costDelta).reduce(CostRange.ZERO, CostRange::plus);
    return CostRange.between(
        t.costDelta().minUsd() - windows.minUsd(), t.costDelta().maxUsd() - windows.maxUsd());
  }
}
