package dev.formation.plan;

import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.proc;
import static dev.formation.plan.GuardrailsTest.AT;
import static dev.formation.plan.GuardrailsTest.app;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.Formation;
import dev.formation.config.GuardrailSpec;
import dev.formation.live.LiveApp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code max_scale_down_percent} against what the last recorded apply left: undoing a hand change
 * is no scale-down, and the plan says what it measured from.
 */
class ScaleDownsTest {
  private static final GuardrailSpec HALF = new GuardrailSpec(null, 50, null, null);
  private static final Instant LAST = Instant.parse("2026-12-01T10:00:00Z");
  private final List<String> asked = new ArrayList<>();

  private AppPlan plan(int liveWorkers, int declared, Integer recordedWorkers) {
    Formation f =
        new Formation(
            List.of(
                app(
                    false,
                    HALF,
                    proc("web", "standard-2x", 1),
                    proc("worker", "standard-2x", declared))));
    LiveApp live =
        liveApp(
            "shop",
            null,
            live("web", "Standard-2X", 1),
            live("worker", "Standard-2X", liveWorkers));
    Plan plan = new Planner(Catalog.standard()).plan(f, Map.of("shop", live), Map.of(), AT);
    AppliedFormation recorded =
        recordedWorkers == null
            ? null
            : new AppliedFormation(
                "shop",
                LAST,
                List.of(
                    new AppliedFormation.Type("web", "Standard-2X", 1, null, null),
                    new AppliedFormation.Type(
                        "worker", "Standard-2X", recordedWorkers, null, null)));
    return Guardrails.check(
            plan,
            f,
            Set.of(),
            null,
            app -> {
              asked.add(app);
              return recorded;
            })
        .apps()
        .get(0);
  }

  @Test
  void handScaledUpThenTheCommittedCountApplied_isNoBreach_andThePlanSaysWhy() {
    // someone ran `heroku ps:scale worker=3`; the file still says 1, as the last apply left it
    AppPlan repaired = plan(3, 1, 1);

    assertThat(repaired.breaches()).isEmpty();
    assertThat(repaired.notes())
        .contains(
            "guardrail max_scale_down_percent: `worker` 3 → 1 only undoes dynos added since the"
                + " last recorded apply (2026-12-01T10:00:00Z) left 1; not a scale-down");
  }

  @Test
  void aRealScaleDownBelowTheLastApply_isMeasuredFromWhatThatApplyLeft() {
    // the last apply left 10, a hand change made it 12, the file now says 4: 60 % of 10
    AppPlan cut = plan(12, 4, 10);

    assertThat(cut.breaches())
        .extracting(GuardrailBreach::detail)
        .containsExactly(
            "`worker` goes from 10 to 4 dynos, 60% removed; the limit is 50% (measured from 10:"
                + " the last recorded apply (2026-12-01T10:00:00Z) left 10)");
  }

  @Test
  void withinTheLimitOfWhatTheLastApplyLeft_isNoBreach_butNoted() {
    // 8 live (4 added by hand), 3 declared: 63 % of the live count, 25 % of the 4 applied
    AppPlan fine = plan(8, 3, 4);

    assertThat(fine.breaches()).isEmpty();
    assertThat(fine.notes())
        .contains(
            "guardrail max_scale_down_percent: `worker` 8 → 3 removes 25% of the 4 that the last"
                + " recorded apply (2026-12-01T10:00:00Z) left, within the limit of 50%");
  }

  @Test
  void aLastApplyThatLeftMoreThanRunsNow_measuresFromTheLiveCount() {
    AppPlan cut = plan(4, 1, 10);

    assertThat(cut.breaches())
        .extracting(GuardrailBreach::detail)
        .containsExactly(
            "`worker` goes from 4 to 1 dyno, 75% removed; the limit is 50% (measured from the live"
                + " count)");
  }

  @Test
  void withoutARecord_theLiveCountIsUsed_andThePlanSaysSo() {
    assertThat(plan(3, 1, null).breaches())
        .extracting(GuardrailBreach::detail)
        .containsExactly(
            "`worker` goes from 3 to 1 dyno, 67% removed; the limit is 50% (measured from the live"
                + " count: no apply of this app that names `worker` is recorded in git)");
  }

  @Test
  void aPlanWithinTheLimit_readsNoRecordAtAll() {
    AppPlan fine = plan(4, 3, 1);

    assertThat(fine.breaches()).isEmpty();
    assertThat(asked).as("git is asked only about a would-be breach").isEmpty();
  }
}
