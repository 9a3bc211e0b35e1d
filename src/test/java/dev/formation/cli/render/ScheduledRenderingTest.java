package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.Formation;
import dev.formation.plan.FormationDiff;
import dev.formation.plan.Plan;
import dev.formation.plan.ScheduleReport;
import dev.formation.testing.Golden;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden outputs of plan, diff and schedule with windows and guardrails, in every format. */
class ScheduledRenderingTest {
  private final Plan plan = ScheduledPlan.plan();

  @Test
  void plan_text_matchesGolden() {
    Golden.assertMatches("plan/scheduled.txt", new TextPlanRenderer(false).render(plan));
  }

  @Test
  void plan_markdown_matchesGolden() {
    Golden.assertMatches("plan/scheduled.md", new MarkdownPlanRenderer().render(plan));
  }

  @Test
  void plan_json_matchesGolden_andTheSchema() {
    String json = new JsonPlanRenderer().render(plan);

    Golden.assertMatches("plan/scheduled.json", json);
    assertThat(PlanSchema.errors(json)).isEmpty();
  }

  @Test
  void plan_withABreachNotAllowed_saysNothingWillBeApplied() {
    String text = new TextPlanRenderer(false).render(ScheduledPlan.plan(Set.of()));

    assertThat(text)
        .contains("  ! guardrail max_monthly_increase: +$500/mo is over the limit of $400/mo")
        .contains("Guardrails: 1 breach not allowed; nothing will be applied.");
  }

  static final String BEFORE =
      """
      version: 1
      apps:
        shop-production:
          timezone: America/New_York
          guardrails: {max_monthly_increase: 500}
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 8, p95_ms: 500}
              schedule:
                - {name: business-hours, days: mon-fri, from: "09:00", to: "17:00", autoscale: {min: 3, max: 8}}
                - {name: launch-week, days: mon, from: "00:00", to: "09:00", autoscale: {min: 6, max: 10}}
            worker:
              size: standard-2x
              quantity: 1
        blog:
          processes:
            web: {size: standard-1x, quantity: 1}
      """;

  static final String AFTER =
      """
      version: 1
      apps:
        shop-production:
          timezone: Europe/Berlin
          guardrails: {max_monthly_increase: 1000, protect: [web]}
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 8, p95_ms: 500}
              schedule:
                - {name: business-hours, days: mon-fri, from: "08:00", to: "19:00", autoscale: {min: 4, max: 10}}
            worker:
              size: standard-2x
              quantity: 1
              schedule:
                - {name: nightly-batch, days: daily, from: "01:00", to: "04:00", quantity: 6}
        blog:
          processes:
            web: {size: standard-1x, quantity: 1}
      """;

  private static FormationDiff diff() {
    Formation a = ScheduledPlan.load(BEFORE);
    Formation b = ScheduledPlan.load(AFTER);
    return FormationDiff.between(a, b);
  }

  @Test
  void diff_text_matchesGolden() {
    Golden.assertMatches("diff/windows.txt", DiffRenderer.text(diff(), "main", "work tree"));
  }

  @Test
  void diff_markdown_matchesGolden() {
    Golden.assertMatches("diff/windows.md", DiffRenderer.markdown(diff(), "main", "work tree"));
  }

  @Test
  void diff_json_matchesGolden_andTheSchema() {
    String json = DiffRenderer.json(diff(), "main", "work tree");

    Golden.assertMatches("diff/windows.json", json);
    assertThat(PlanSchema.errors(json)).isEmpty();
  }

  private static ScheduleReport schedule() {
    return ScheduleReport.of(ScheduledPlan.formation(), Instant.parse("2026-12-07T05:00:00Z"), 2);
  }

  @Test
  void schedule_text_matchesGolden() {
    Golden.assertMatches("schedule/timeline.txt", ScheduleRenderer.text(schedule()));
  }

  @Test
  void schedule_json_matchesGolden_andTheSchema() {
    String json = ScheduleRenderer.json(schedule());

    Golden.assertMatches("schedule/timeline.json", json);
    assertThat(PlanSchema.errors(json)).isEmpty();
  }
}
