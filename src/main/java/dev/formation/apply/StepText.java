package dev.formation.apply;

import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.ProcessChange;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Short words for apply steps in the report: {@code web 2 → 3, worker Basic → Standard-1X}, and
 * {@code web Basic ×1 → Standard-1X ×2} when both move.
 */
final class StepText {
  private StepText() {}

  static String batch(List<ProcessChange> changes) {
    return changes.stream().map(StepText::change).collect(Collectors.joining(", "));
  }

  static String change(ProcessChange c) {
    if (c.quantityChanged() && c.sizeChanged()) {
      return c.type()
          + " "
          + c.fromSize()
          + " ×"
          + c.fromQuantity()
          + " → "
          + c.toSize()
          + " ×"
          + c.toQuantity();
    }
    if (c.sizeChanged()) {
      return c.type() + " " + c.fromSize() + " → " + c.toSize();
    }
    return c.type() + " " + c.fromQuantity() + " → " + c.toQuantity();
  }

  static String rule(AutoscaleRule r) {
    return r.describe();
  }
}
