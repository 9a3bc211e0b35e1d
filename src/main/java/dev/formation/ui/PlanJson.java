package dev.formation.ui;

import dev.formation.plan.AppPlan;
import dev.formation.plan.Change;
import dev.formation.plan.CostRange;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.Plan;
import dev.formation.plan.ProcessChange;
import dev.formation.plan.SetupChange;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan as the page shows it: each app's changes in the plan's own symbols and words ({@code ~ web
 * 2 → 3}), its cost before and after, and what the plan would cost more or less a month.
 */
final class PlanJson {
  private PlanJson() {}

  static ObjectNode of(Plan plan) {
    ObjectNode root = UiJson.object();
    ArrayNode apps = root.putArray("apps");
    for (AppPlan app : plan.apps()) {
      ObjectNode a = apps.addObject().put("app", app.app());
      ArrayNode lines = a.putArray("changes");
      app.changes().forEach(c -> lines.add(line(c)));
      a.put("before", UiJson.cost(app.before()))
          .put("after", UiJson.cost(app.after()))
          .put("delta", UiJson.delta(app.costDelta()));
      a.set("errors", UiJson.diagnostics(app.errors()));
    }
    root.put("before", UiJson.cost(plan.before()))
        .put("after", UiJson.cost(plan.after()))
        .put("delta", UiJson.delta(plan.costDelta()))
        .put("changes", plan.hasChanges())
        .put("summary", summary(plan));
    return root;
  }

  /** {@code Plan: 0 to add, 1 to change, 0 to remove.}, as {@code formation plan} ends. */
  static String summary(Plan plan) {
    if (!plan.hasChanges()) {
      return "No changes.";
    }
    return "Plan: "
        + plan.toAdd()
        + " to add, "
        + plan.toChange()
        + " to change, "
        + plan.toRemove()
        + " to remove.";
  }

  static String line(Change change) {
    String symbol = change.action().symbol();
    if (change instanceof ProcessChange p) {
      return symbol + " " + p.type() + " " + process(p) + cost(p.costDelta());
    }
    if (change instanceof MonitorChange m) {
      return symbol
          + " "
          + m.type()
          + " autoscale "
          + (m.from() == null ? "(none)" : m.from().describe())
          + " → "
          + (m.to() == null ? "off" : m.to().describe());
    }
    SetupChange s = (SetupChange) change;
    return symbol
        + " "
        + s.platform()
        + " "
        + s.step().operation()
        + (s.step().to() == null ? "" : " " + s.step().to());
  }

  private static String process(ProcessChange p) {
    StringBuilder b = new StringBuilder();
    b.append(p.fromQuantity()).append(" → ").append(p.toQuantity());
    if (p.sizeChanged()) {
      b.append(", ").append(p.fromSize()).append(" → ").append(p.toSize());
    } else if (p.toSize() != null) {
      b.append(" (").append(p.toSize()).append(')');
    }
    return b.toString();
  }

  private static String cost(CostRange delta) {
    return delta.isZero() ? "" : "   " + UiJson.delta(delta) + "/mo";
  }
}
