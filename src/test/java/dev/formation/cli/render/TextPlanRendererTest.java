package dev.formation.cli.render;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.formation;
import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.plan;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.plan.Plan;
import dev.formation.testing.Golden;
import org.junit.jupiter.api.Test;

class TextPlanRendererTest {

  @Test
  void render_richPlan_matchesGolden() {
    Golden.assertMatches("plan/rich.txt", new TextPlanRenderer(false).render(RichPlan.plan()));
  }

  @Test
  void render_withColour_paintsTheMarkersAndTheDiagnostics() {
    String out = new TextPlanRenderer(true).render(RichPlan.plan());

    assertThat(out)
        .contains("\u001b[32m+\u001b[0m worker")
        .contains("\u001b[33m~\u001b[0m web")
        .contains("\u001b[31m-\u001b[0m clock")
        .contains("\u001b[1;31merror[FM093]\u001b[0m: process type `clock`");
    assertThat(out.replaceAll("\u001b\\[[\\d;]+m", ""))
        .isEqualTo(new TextPlanRenderer(false).render(RichPlan.plan()));
  }

  @Test
  void render_nothingToChangeButUnmanagedTypes_showsThemAboveTheVerdict() {
    Plan p =
        plan(
            formation(app("blog", false, proc("web", "standard-1x", 1))),
            liveApp("blog", null, live("web", "Standard-1X", 1), live("mailer", "Standard-2X", 2)));

    assertThat(new TextPlanRenderer(false).render(p))
        .isEqualTo(
            "  # app blog (heroku)\n"
                + "    (unmanaged) mailer  Standard-2X ×2   $100/mo\n\n"
                + "No changes. The live formation matches the configuration.\n"
                + "Monthly cost: $125 (unchanged)\n");
  }

  @Test
  void render_idleUnmanagedType_showsItsSizeAndStaysAligned() {
    Plan p =
        plan(
            formation(app("blog", false, proc("web", "standard-1x", 1))),
            liveApp(
                "blog",
                null,
                live("web", "Standard-1X", 1),
                live("mailer", "Standard-2X", 2),
                live("release", "Standard-1X", 0)));

    assertThat(new TextPlanRenderer(false).render(p))
        .contains(
            "    (unmanaged) mailer   Standard-2X ×2   $100/mo\n"
                + "    (unmanaged) release  Standard-1X ×0   $0/mo\n");
  }

  @Test
  void render_stoppedTypeMovedWithItsTier_showsBothSizes() {
    Plan p =
        plan(
            formation(
                app(
                    "blog",
                    false,
                    proc("web", "standard-1x", 1),
                    proc("release", "standard-1x", 0))),
            liveApp("blog", null, live("web", "Basic", 1), live("release", "Basic", 0)));

    assertThat(new TextPlanRenderer(false).render(p))
        .contains("~ release  Basic ×0 → Standard-1X ×0 ")
        .doesNotContain("0 → 0");
  }

  @Test
  void render_nothingToChange_saysSoWithTheCost() {
    Plan p =
        plan(
            formation(app("blog", false, proc("web", "standard-1x", 2))),
            liveApp("blog", null, live("web", "Standard-1X", 2)));

    assertThat(new TextPlanRenderer(false).render(p))
        .isEqualTo(
            "No changes. The live formation matches the configuration.\n"
                + "Monthly cost: $50 (unchanged)\n");
  }
}
