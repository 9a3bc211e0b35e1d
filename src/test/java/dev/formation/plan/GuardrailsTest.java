package dev.formation.plan;

import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.Guardrail;
import dev.formation.config.GuardrailSpec;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each guardrail rule on plans made by the planner, with and without {@code --allow}. */
class GuardrailsTest {
  static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

  static AppSpec app(boolean prune, GuardrailSpec g, ProcessSpec... processes) {
    return new AppSpec(
        "shop", PlatformKind.named("heroku"), prune, null, List.of(processes), null, null, g);
  }

  static List<GuardrailBreach> breaches(
      AppSpec spec, LiveApp live, Set<Guardrail> allowed, Function<String, String> branch) {
    Formation f = new Formation(List.of(spec));
    Plan plan = new Planner(Catalog.standard()).plan(f, Map.of("shop", live), Map.of(), AT);
    return Guardrails.check(plan, f, allowed, branch).apps().get(0).breaches();
  }

  static List<GuardrailBreach> breaches(AppSpec spec, LiveApp live) {
    return breaches(spec, live, Set.of(), null);
  }

  static final LiveApp TEN_WORKERS =
      liveApp("shop", null, live("web", "Standard-2X", 2), live("worker", "Standard-2X", 10));

  @Test
  void maxMonthlyIncrease_isJudgedOnTheAppsIncrease() {
    GuardrailSpec g = new GuardrailSpec(500, null, null, null);

    assertThat(
            breaches(
                app(false, g, proc("web", "standard-2x", 2), proc("worker", "standard-2x", 20)),
                TEN_WORKERS))
        .as("+$500 is at the limit")
        .isEmpty();
    assertThat(
            breaches(
                app(false, g, proc("web", "standard-2x", 2), proc("worker", "standard-2x", 21)),
                TEN_WORKERS))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.rule()).isEqualTo(Guardrail.MAX_MONTHLY_INCREASE);
              assertThat(b.message())
                  .isEqualTo(
                      "guardrail max_monthly_increase: +$550/mo is over the limit of $500/mo");
              assertThat(b.allowed()).isFalse();
            });
  }

  @Test
  void maxMonthlyIncrease_countsAnAutoscalersBandAtItsMax() {
    LiveApp live = liveApp("shop", monitor(true, 2, 4), live("web", "Performance-M", 3));
    GuardrailSpec g = new GuardrailSpec(900, null, null, null);

    // 4..8 from 2..4: the max rises from $1,000 to $2,000, the min only by $500
    assertThat(breaches(app(false, g, auto("web", "performance-m", null, 4, 8)), live))
        .extracting(GuardrailBreach::detail)
        .containsExactly("+$1,000/mo is over the limit of $900/mo");
  }

  @Test
  void maxScaleDownPercent_isPerType_andCountsAnAutoscalerAtItsMax() {
    GuardrailSpec g = new GuardrailSpec(null, 50, null, null);
    LiveApp auto = liveApp("shop", monitor(true, 2, 10), live("web", "Performance-M", 3));

    assertThat(
            breaches(
                app(false, g, proc("web", "standard-2x", 0), proc("worker", "standard-2x", 5)),
                TEN_WORKERS))
        .as("web 2 → 0 is 100%; worker 10 → 5 is 50%, at the limit")
        .extracting(GuardrailBreach::type)
        .containsExactly("web");
    assertThat(breaches(app(false, g, proc("web", "performance-m", 4)), auto))
        .extracting(GuardrailBreach::detail)
        .containsExactly(
            "`web` goes from 10 to 4 dynos, 60% removed; the limit is 50% (measured from the"
                + " live count: no apply of this app that names `web` is recorded in git)");
    assertThat(breaches(app(false, g, auto("web", "performance-m", null, 2, 5)), auto))
        .as("a band 2..10 → 2..5 removes half at the max")
        .isEmpty();
  }

  @Test
  void protect_refusesZero_andPruning_butNotATypeAlreadyAtZero() {
    GuardrailSpec g = new GuardrailSpec(null, null, List.of("web", "worker", "clock"), null);
    LiveApp withClock =
        liveApp(
            "shop",
            null,
            live("web", "Standard-2X", 2),
            live("worker", "Standard-2X", 0),
            live("clock", "Standard-2X", 1));

    assertThat(
            breaches(
                app(true, g, proc("web", "standard-2x", 0), proc("worker", "standard-2x", 0)),
                withClock))
        .extracting(GuardrailBreach::detail)
        .containsExactlyInAnyOrder(
            "`web` is protected, but the plan scales it from 2 to 0 dynos",
            "`clock` is protected, but the plan prunes it from 1 to 0 dynos");
  }

  @Test
  void requireBranch_isJudgedOnlyWhenSomethingIsApplied() {
    GuardrailSpec g = new GuardrailSpec(null, null, null, "main");
    AppSpec spec = app(false, g, proc("web", "standard-2x", 3), proc("worker", "standard-2x", 10));

    assertThat(breaches(spec, TEN_WORKERS, Set.of(), null)).isEmpty();
    assertThat(breaches(spec, TEN_WORKERS, Set.of(), branch -> null)).isEmpty();
    assertThat(breaches(spec, TEN_WORKERS, Set.of(), branch -> "commit abc1234 is not on it"))
        .extracting(GuardrailBreach::message)
        .containsExactly(
            "guardrail require_branch: apply only from a commit on `main`: commit abc1234 is not"
                + " on it");
  }

  @Test
  void allow_marksOnlyTheNamedRulesBreachesAllowed() {
    GuardrailSpec g = new GuardrailSpec(100, 10, null, null);
    AppSpec spec = app(false, g, proc("web", "standard-2x", 20), proc("worker", "standard-2x", 5));

    List<GuardrailBreach> found =
        breaches(spec, TEN_WORKERS, Set.of(Guardrail.MAX_MONTHLY_INCREASE), null);

    assertThat(found)
        .extracting(b -> b.rule() + " " + b.allowed())
        .containsExactly("MAX_MONTHLY_INCREASE true", "MAX_SCALE_DOWN_PERCENT false");
  }

  @Test
  void anAppWithoutChanges_orWithErrors_breaksNothing() {
    GuardrailSpec g = new GuardrailSpec(0, 0, List.of("web"), "main");

    assertThat(
            breaches(
                app(false, g, proc("web", "standard-2x", 2), proc("worker", "standard-2x", 10)),
                TEN_WORKERS,
                Set.of(),
                b -> "nope"))
        .isEmpty();
    assertThat(
            breaches(
                app(false, g, proc("web", "standard-2x", 0), proc("missing", "standard-2x", 1)),
                TEN_WORKERS))
        .as("the app cannot be applied anyway")
        .isEmpty();
  }
}
