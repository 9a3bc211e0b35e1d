package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.apply.AppResult;
import dev.formation.apply.AppResult.Outcome;
import dev.formation.apply.ApplyReport;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyReportTextTest {
  private static AppResult result(String app, Outcome outcome, Diagnostic... errors) {
    return new AppResult(app, outcome, List.of(), List.of(), List.of(errors), List.of());
  }

  private final ApplyReport report =
      new ApplyReport(
          List.of(
              new AppResult(
                  "shop",
                  Outcome.FAILED,
                  List.of(),
                  List.of("update the formation (web 1 → 2)"),
                  List.of(
                      Diagnostic.error(
                          Code.FM121,
                          "update the formation (web 1 → 2): Quantity is out of range.",
                          null,
                          null)),
                  List.of()),
              result(
                  "gone",
                  Outcome.NOT_APPLIED,
                  Diagnostic.error(Code.FM120, "cannot read app gone: not found", null, null)),
              result("blog", Outcome.APPLIED),
              result("docs", Outcome.UNCHANGED)));

  @Test
  void render_eachFailedAppsErrorsAreCodedUnderIt_andTheSummarySaysWhatWasNotRead() {
    assertThat(new ApplyReportText(Colors.off()).render(report))
        .isEqualTo(
            "shop: FAILED\n"
                + "  error[FM121]: update the formation (web 1 → 2): Quantity is out of range.\n"
                + "  not done: update the formation (web 1 → 2)\n"
                + "gone: not applied\n"
                + "  error[FM120]: cannot read app gone: not found\n"
                + "blog: applied\n"
                + "Apply incomplete: 1 applied, 2 failed, 1 unchanged. 1 of 4 apps could not be"
                + " read. Run `formation apply` again to do what is left.\n");
  }

  @Test
  void render_aRouterPortTakenSinceThePlan_saysToFixItFirst_notToRunApplyAgain() {
    ApplyReport taken =
        new ApplyReport(
            List.of(
                new AppResult(
                    "shop",
                    Outcome.FAILED,
                    List.of(),
                    List.of("register the app"),
                    List.of(
                        Diagnostic.error(
                            Code.FM154,
                            "shop: router port 5000 on 127.0.0.1 is in use by another program",
                            null,
                            "free the port (stop that program) or choose another `port:`")),
                    List.of()),
                result("blog", Outcome.APPLIED)));

    assertThat(new ApplyReportText(Colors.off()).render(taken))
        .contains("    hint: free the port (stop that program) or choose another `port:`\n")
        .endsWith(
            "Apply incomplete: 1 applied, 1 failed, 0 unchanged. Running it again changes nothing"
                + " until what the errors above name is fixed.\n")
        .doesNotContain("Run `formation apply` again");
  }

  @Test
  void render_anInterruptedApp_showsItsFm161WithTheHint() {
    ApplyReport stopped =
        new ApplyReport(
            List.of(
                result(
                    "shop",
                    Outcome.INTERRUPTED,
                    Diagnostic.error(
                        Code.FM161,
                        "interrupted after 1 of 2 writes",
                        null,
                        "`formation plan` shows what is left"))),
            true);

    assertThat(new ApplyReportText(Colors.off()).render(stopped))
        .contains(
            "shop: INTERRUPTED\n"
                + "  error[FM161]: interrupted after 1 of 2 writes\n"
                + "    hint: `formation plan` shows what is left\n")
        .contains("Apply interrupted:");
  }

  @Test
  void appResult_aFailureWithoutItsError_orASuccessWithOne_isABug() {
    assertThatThrownBy(() -> result("shop", Outcome.FAILED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                result(
                    "shop",
                    Outcome.APPLIED,
                    Diagnostic.error(Code.FM121, "a write failed", null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
