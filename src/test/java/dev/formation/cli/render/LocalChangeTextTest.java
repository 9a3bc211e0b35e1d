package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.PlatformKind;
import dev.formation.live.SetupStep;
import dev.formation.plan.AppPlan;
import dev.formation.plan.CostRange;
import dev.formation.plan.Plan;
import dev.formation.plan.SetupChange;
import dev.formation.platform.local.LocalRegistration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a local app's registration changes read in the text and markdown plans. */
class LocalChangeTextTest {
  private static final Path BASE = Path.of("/home/me/shop");

  @Test
  void textPlan_showsEachRegistrationChange_withFoldersRelativeToTheWorkingFolder() {
    String text = new TextPlanRenderer(false, BASE).render(plan());

    assertThat(text)
        .isEqualTo(
            String.join(
                "\n",
                "  # app demo (local)",
                "  ~ local dir            ./a → /srv/b                                   $0/mo",
                "  ~ router port          5000 → 47120                                   $0/mo",
                "  + process type clock   (from Procfile, at 0 dynos)                    $0/mo",
                "  - process type worker  (not in the Procfile; its dynos stop)          -$25/mo",
                "  ~ command of web       `./web` → `./web --fast` (its dynos restart)   $0/mo",
                "",
                "Plan: 1 to add, 3 to change, 1 to remove.",
                "Monthly cost: $50 → $25 (-$25)",
                ""));
  }

  @Test
  void newRegistration_readsAsRegisterFrom_inTextAndMarkdown() {
    SetupChange register =
        new SetupChange(
            "local",
            new SetupStep("register", "add", null, null, "/home/me/shop/app", 5000, false),
            CostRange.ZERO);
    Plan plan = new Plan(List.of(app(List.of(register))));

    assertThat(new TextPlanRenderer(false, BASE).render(plan))
        .contains("+ local app  register from ./app, router port 5000");
    assertThat(new MarkdownPlanRenderer(BASE).render(plan))
        .contains("| local app | not registered | ./app, router port 5000 |");
  }

  private static Plan plan() {
    return new Plan(
        List.of(
            app(
                List.of(
                    change("dir", "change", null, "/home/me/shop/a", "/srv/b", 0),
                    change("port", "change", null, "5000", "47120", 0),
                    change("add_type", "add", "clock", null, "./clock", 0),
                    change("remove_type", "remove", "worker", "./work", null, -25),
                    change("command", "change", "web", "./web", "./web --fast", 0)))));
  }

  private static AppPlan app(List<dev.formation.plan.Change> changes) {
    long delta = changes.stream().mapToLong(c -> c.costDelta().minUsd()).sum();
    return new AppPlan(
        "demo",
        PlatformKind.named("local"),
        null,
        changes,
        List.of(),
        List.of(),
        List.of(),
        null,
        CostRange.fixed(50),
        CostRange.fixed(50 + delta),
        new LocalRegistration(Path.of("/srv/b"), 47120, Map.of("web", "./web --fast")));
  }

  private static SetupChange change(
      String operation, String action, String type, String from, String to, long cost) {
    return new SetupChange(
        "local",
        new SetupStep(operation, action, type, from, to, null, type != null),
        CostRange.fixed(cost));
  }
}
