package dev.formation.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.plan.Action;
import dev.formation.plan.CostRange;
import dev.formation.plan.ProcessChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepTextTest {
  private static ProcessChange change(
      String type, int from, int to, String fromSize, String toSize) {
    return new ProcessChange(type, Action.CHANGE, from, to, fromSize, toSize, null, CostRange.ZERO);
  }

  @Test
  void batch_sizeAndCountMoving_readsAsBeforeAndAfter() {
    assertThat(
            StepText.batch(
                List.of(
                    change("web", 1, 2, "Basic", "Standard-1X"),
                    change("worker", 1, 1, "Basic", "Standard-1X"),
                    change("clock", 3, 0, "Standard-1X", "Standard-1X"))))
        .isEqualTo("web Basic ×1 → Standard-1X ×2, worker Basic → Standard-1X, clock 3 → 0");
  }
}
