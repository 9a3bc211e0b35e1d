package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The autoscaler's decisions on injected samples: no router, no process, no clock. */
class ScalingRuleTest {
  static final ScalingRule.Band BAND = new ScalingRule.Band(1, 4, 200);
  static final long SLOW = 450;
  static final long FAST = 40;
  static final long NONE = -1;

  /** Runs the rule over one p95 per interval from {@code start} dynos; the count after each. */
  static List<Integer> run(int start, ScalingRule.Band band, long... p95s) {
    List<Integer> counts = new ArrayList<>();
    ScalingRule.Memory memory = ScalingRule.Memory.FRESH;
    int q = start;
    for (long p95 : p95s) {
      ScalingRule.Step step = ScalingRule.next(memory, q, p95, band);
      assertThat(Math.abs(step.to() - q)).as("one dyno per step").isLessThanOrEqualTo(1);
      memory = step.after();
      q = step.to();
      counts.add(q);
    }
    return counts;
  }

  @Test
  void aP95OverTheTarget_addsOneDyno_thenWaitsItsCooldown_beforeTheNext() {
    assertThat(run(1, BAND, SLOW, SLOW, SLOW, SLOW, SLOW)).containsExactly(2, 2, 3, 3, 4);
    ScalingRule.Step first = ScalingRule.next(ScalingRule.Memory.FRESH, 1, SLOW, BAND);
    assertThat(first.reason()).isEqualTo("p95 450 ms above target 200 ms");
    ScalingRule.Step second = ScalingRule.next(first.after(), 2, SLOW, BAND);
    assertThat(second.to()).isEqualTo(2);
    assertThat(second.reason()).isEqualTo("p95 450 ms above target 200 ms, cooling down");
  }

  @Test
  void theTargetItself_isNotOverIt_andBetweenHalfAndTarget_nothingMoves() {
    assertThat(run(2, BAND, 200, 200, 150, 100, 199)).containsExactly(2, 2, 2, 2, 2);
    assertThat(ScalingRule.next(ScalingRule.Memory.FRESH, 2, 100, BAND).reason())
        .isEqualTo("p95 100 ms within target 200 ms");
    assertThat(run(2, BAND, 201)).containsExactly(3);
  }

  @Test
  void aDyno_isRemovedOnlyAfterThreeCalmIntervalsInARow() {
    assertThat(run(4, BAND, FAST, FAST, FAST, FAST, FAST, FAST, FAST))
        .containsExactly(4, 4, 3, 3, 3, 2, 2);
    ScalingRule.Step one = ScalingRule.next(ScalingRule.Memory.FRESH, 4, FAST, BAND);
    assertThat(one.reason()).isEqualTo("p95 40 ms below half of target 200 ms (1/3 intervals)");
    ScalingRule.Step three =
        ScalingRule.next(ScalingRule.next(one.after(), 4, FAST, BAND).after(), 4, FAST, BAND);
    assertThat(three.to()).isEqualTo(3);
    assertThat(three.reason()).isEqualTo("p95 40 ms below half of target 200 ms for 3 intervals");
  }

  @Test
  void aBusyInterval_breaksTheCalmStreak() {
    // 100 ms is within the target but not below half of it: the streak starts again
    assertThat(run(3, BAND, FAST, FAST, 100, FAST, FAST, FAST)).containsExactly(3, 3, 3, 3, 3, 2);
    assertThat(run(3, BAND, FAST, FAST, SLOW, FAST, FAST, FAST, FAST, FAST))
        .containsExactly(3, 3, 4, 4, 4, 3, 3, 3);
  }

  @Test
  void anIntervalWithNoRequests_countsAsCalm() {
    assertThat(run(2, BAND, NONE, NONE, NONE)).containsExactly(2, 2, 1);
    assertThat(ScalingRule.next(ScalingRule.Memory.FRESH, 2, NONE, BAND).reason())
        .startsWith("no requests below half of target 200 ms");
  }

  @Test
  void afterAStepUp_theNextStepDown_waitsThreeIntervals_evenWhenCalm() {
    // up at the first look; calm at once, but the count changed too recently to come down
    assertThat(run(1, BAND, SLOW, FAST, FAST, FAST)).containsExactly(2, 2, 2, 1);
  }

  @Test
  void theCount_staysWithinMinAndMax() {
    ScalingRule.Band two = new ScalingRule.Band(2, 3, 200);
    assertThat(run(3, two, SLOW, SLOW, SLOW)).containsExactly(3, 3, 3);
    assertThat(ScalingRule.next(ScalingRule.Memory.FRESH, 3, SLOW, two).reason())
        .endsWith("already at max");
    assertThat(run(2, two, FAST, FAST, FAST, FAST, FAST)).containsExactly(2, 2, 2, 2, 2);
    assertThat(ScalingRule.next(ScalingRule.Memory.FRESH, 2, FAST, two).reason())
        .endsWith("already at min");
  }

  @Test
  void aCountOutsideTheBand_isBroughtBackAtOnce_andThatIsAChange() {
    ScalingRule.Band band = new ScalingRule.Band(2, 5, 200);
    ScalingRule.Step low = ScalingRule.next(ScalingRule.Memory.FRESH, 0, FAST, band);
    assertThat(low.to()).isEqualTo(2);
    assertThat(low.reason()).isEqualTo("outside min 2 .. max 5");
    assertThat(ScalingRule.next(ScalingRule.Memory.FRESH, 9, SLOW, band).to()).isEqualTo(5);
    // the correction counts as a change: the next step up waits its cooldown
    assertThat(ScalingRule.next(low.after(), 2, SLOW, band).reason()).endsWith("cooling down");
  }

  @Test
  void brokenInputs_areRefused() {
    assertThatThrownBy(() -> new ScalingRule.Band(3, 2, 200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScalingRule.Band(1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScalingRule.Memory(-1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
