package dev.formation.cli.render;

import dev.formation.apply.AppResult;
import dev.formation.apply.ApplyReport;
import dev.formation.diag.Diagnostic;
import dev.formation.plan.Plan;
import dev.formation.planfile.DiagnosticJson;
import dev.formation.planfile.PlanJson;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code apply --format json}: one document, {@code kind} {@code formation-apply-report}, described
 * by {@code schemas/apply.schema.json}: the plan applied, each app's outcome, the diagnostics, the
 * summary, the commit the apply was recorded on and the exit code.
 */
public final class ApplyReportJson {
  /** Bumped only when a field changes meaning or goes away; new fields do not bump it. */
  public static final int FORMAT_VERSION = 1;

  /**
   * One apply as a document.
   *
   * @param plan the plan applied, or {@code null} when none could be made
   * @param report what apply did; {@code null} when it was refused before any app was tried
   * @param diagnostics the apply's own findings (a refusal, a note not written), not an app's
   * @param recorded the commit the apply was noted on, or {@code null}
   * @param exitCode what the command exits with
   */
  public String render(
      Plan plan, ApplyReport report, List<Diagnostic> diagnostics, String recorded, int exitCode) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    root.put("kind", "formation-apply-report");
    root.put("format_version", FORMAT_VERSION);
    if (plan == null) {
      root.putNull("plan");
    } else {
      root.set("plan", JsonPlanRenderer.document(plan));
    }
    ArrayNode apps = root.putArray("apps");
    List<AppResult> results = report == null ? List.of() : report.apps();
    for (AppResult app : results) {
      ObjectNode a = apps.addObject();
      a.put("app", app.app());
      a.put("outcome", word(app.outcome()));
      strings(a.putArray("done"), app.done());
      strings(a.putArray("not_done"), app.notDone());
      strings(a.putArray("notes"), app.notes());
      a.set("diagnostics", DiagnosticJson.array(app.errors()));
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("result", result(report));
    for (AppResult.Outcome outcome : AppResult.Outcome.values()) {
      summary.put(word(outcome), report == null ? 0 : report.count(outcome));
    }
    root.set("diagnostics", DiagnosticJson.array(diagnostics));
    if (recorded == null) {
      root.putNull("recorded");
    } else {
      root.put("recorded", recorded);
    }
    root.put("exit_code", exitCode);
    return JsonPlanRenderer.pretty(root);
  }

  /**
   * {@code refused} (nothing tried), {@code interrupted}, {@code incomplete} or {@code complete}.
   */
  private static String result(ApplyReport report) {
    if (report == null) {
      return "refused";
    }
    if (report.interrupted()) {
      return "interrupted";
    }
    return report.failed() ? "incomplete" : "complete";
  }

  static String word(AppResult.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
