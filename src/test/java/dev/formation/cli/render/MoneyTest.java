package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.plan.CostRange;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void percentOfRange_fixedEstimate_isOneFigure() {
    assertThat(Money.percentOfRange(new CostRange(1250, 1250), new CostRange(500, 500)))
        .isEqualTo("+40%");
    assertThat(Money.percentOfRange(new CostRange(100, 100), new CostRange(-25, -25)))
        .isEqualTo("-25%");
  }

  @Test
  void percentOfRange_autoscaledEstimate_isTheChangeOfEachBound_lowToHigh() {
    assertThat(Money.percentOfRange(new CostRange(700, 2200), new CostRange(125, 125)))
        .isEqualTo("+6–18%");
    assertThat(Money.percentOfRange(new CostRange(700, 2200), new CostRange(-125, -125)))
        .isEqualTo("-6–18%");
    assertThat(Money.percentOfRange(new CostRange(100, 1000), new CostRange(-10, 500)))
        .isEqualTo("-10%–+50%");
  }

  @Test
  void percentOfRange_noBaseOrNoChange_isEmpty() {
    assertThat(Money.percentOfRange(new CostRange(0, 0), new CostRange(25, 25))).isEmpty();
    assertThat(Money.percentOfRange(new CostRange(700, 2200), new CostRange(0, 0))).isEmpty();
  }
}
