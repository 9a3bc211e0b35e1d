package dev.formation.cli.render;

import dev.formation.apply.AppResult;
import dev.formation.apply.ApplyReport;
import dev.formation.diag.Code;
import dev.formation.diag.Sources;
import java.util.List;
import java.util.Set;

/**
 * The apply report for people: per app what was done and what was not, then one closing line. Apps
 * the plan left alone are counted, not listed.
 */
public final class ApplyReportText {
  private final Colors colors;

  public ApplyReportText(Colors colors) {
    this.colors = colors;
  }

  public String render(ApplyReport report) {
    StringBuilder sb = new StringBuilder();
    TextDiagnostics diagnostics = new TextDiagnostics(new Sources(), colors);
    for (AppResult app : report.apps()) {
      String name = Printable.escape(app.app());
      switch (app.outcome()) {
        case UNCHANGED -> {}
        case APPLIED -> sb.append(colors.paint("green", name + ": applied")).append('\n');
        case FAILED -> sb.append(colors.paint("bold,red", name + ": FAILED")).append('\n');
        case NOT_APPLIED ->
            sb.append(colors.paint("bold,red", name + ": not applied")).append('\n');
        case NOT_STARTED ->
            sb.append(colors.paint("yellow", name + ": not started"))
                .append(" — nothing was changed")
                .append('\n');
        case INTERRUPTED ->
            sb.append(colors.paint("bold,yellow", name + ": INTERRUPTED")).append('\n');
        case UNKNOWN -> sb.append(colors.paint("bold,red", name + ": UNKNOWN")).append('\n');
      }
      app.errors().forEach(e -> sb.append(diagnostics.inline(e, "  ")));
      app.done().forEach(s -> sb.append("  done:     ").append(Printable.escape(s)).append('\n'));
      app.notDone()
          .forEach(s -> sb.append("  not done: ").append(Printable.escape(s)).append('\n'));
      app.notes().forEach(s -> sb.append("  note:     ").append(Printable.escape(s)).append('\n'));
    }
    long applied = report.count(AppResult.Outcome.APPLIED);
    long failed =
        report.count(AppResult.Outcome.FAILED) + report.count(AppResult.Outcome.NOT_APPLIED);
    long unchanged = report.count(AppResult.Outcome.UNCHANGED);
    long stopped =
        report.count(AppResult.Outcome.NOT_STARTED) + report.count(AppResult.Outcome.INTERRUPTED);
    long unknown = report.count(AppResult.Outcome.UNKNOWN);
    String counts =
        applied
            + " applied, "
            + failed
            + " failed, "
            + unchanged
            + " unchanged"
            + (stopped + unknown == 0 ? "" : ", " + stopped + " stopped, " + unknown + " unknown")
            + "."
            + unread(report);
    if (report.interrupted()) {
      sb.append(colors.paint("bold,yellow", "Apply interrupted: "))
          .append(counts)
          .append(" `formation plan` shows what is left.\n");
    } else if (!report.failed()) {
      sb.append(colors.paint("bold,green", "Apply complete: ")).append(counts).append('\n');
    } else if (fixFirst(report)) {
      sb.append(colors.paint("bold,red", "Apply incomplete: "))
          .append(counts)
          .append(" Running it again changes nothing until what the errors above name is fixed.\n");
    } else {
      sb.append(colors.paint("bold,red", "Apply incomplete: "))
          .append(counts)
          .append(" Run `formation apply` again to do what is left.\n");
    }
    return sb.toString();
  }

  /**
   * Codes of failures that another run cannot get past until the user acts: a local router port
   * another program holds, a local token too weak to send.
   */
  private static final Set<Code> FIX_FIRST = Set.of(Code.FM152, Code.FM154);

  /** Whether every app that failed failed on something the user must fix before a new run. */
  private static boolean fixFirst(ApplyReport report) {
    List<AppResult> failed =
        report.apps().stream()
            .filter(
                a ->
                    a.outcome() == AppResult.Outcome.FAILED
                        || a.outcome() == AppResult.Outcome.NOT_APPLIED)
            .toList();
    return !failed.isEmpty()
        && report.count(AppResult.Outcome.UNKNOWN) == 0
        && failed.stream()
            .allMatch(a -> a.errors().stream().anyMatch(e -> FIX_FIRST.contains(e.code())));
  }

  /** {@code 1 of 3 apps could not be read.}, or nothing when every app was read. */
  private static String unread(ApplyReport report) {
    long unread =
        report.apps().stream()
            .filter(a -> a.errors().stream().anyMatch(e -> e.code() == Code.FM120))
            .count();
    if (unread == 0) {
      return "";
    }
    int total = report.apps().size();
    return " " + unread + " of " + total + (total == 1 ? " app" : " apps") + " could not be read.";
  }
}
