package dev.formation.apply;

import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.ProcessChange;
import java.util.List;
import java.util.stream.Collectors;

/** Short words for apply steps in the report: {@code web 2 → 3, worker Basic → Standard-1X}. */
final class StepText {
  private StepText() {}

  static String batch(List<ProcessChange> changes) {
    return changes.stream().map(StepText::change).collect(Collectors.joining(", "));
  }

  static String change(ProcessChange c) {
    StringBuilder sb = new StringBuilder(c.type());
    if (c.quantityChanged()) {
      sb.append(' ').append(c.fromQuantity()).append(" → ").append(c.toQuantity());
    }
    if (c.sizeChanged()) {
      sb.append(' ').append(c.fromSize()).append(" → ").append(c.toSize());
    }
    return sb.toString();
  }

  static String rule(AutoscaleRule r) {
    return r.min()
        + "–"
        + r.max()
        + ", p95 "
        + r.p95Ms()
        + " ms"
        + (r.notifyApp() ? ", notify" : "");
  }
}
