package dev.formation.cli.render;

import dev.formation.apply.AppResult;
import dev.formation.apply.ApplyReport;

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
    for (AppResult app : report.apps()) {
      switch (app.outcome()) {
        case UNCHANGED -> {}
        case APPLIED ->
            sb.append(colors.paint("green", Printable.escape(app.app()) + ": applied"))
                .append('\n');
        case FAILED ->
            sb.append(colors.paint("bold,red", Printable.escape(app.app()) + ": FAILED"))
                .append(" — ")
                .append(Printable.escape(app.error()))
                .append('\n');
        case NOT_APPLIED ->
            sb.append(colors.paint("bold,red", Printable.escape(app.app()) + ": not applied"))
                .append(" — ")
                .append(Printable.escape(app.error()))
                .append('\n');
        case NOT_STARTED ->
            sb.append(colors.paint("yellow", app.app() + ": not started"))
                .append(" — nothing was changed")
                .append('\n');
        case INTERRUPTED ->
            sb.append(colors.paint("bold,yellow", app.app() + ": INTERRUPTED"))
                .append(" — ")
                .append(app.error())
                .append('\n');
        case UNKNOWN ->
            sb.append(colors.paint("bold,red", app.app() + ": UNKNOWN"))
                .append(" — ")
                .append(app.error())
                .append('\n');
      }
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
            + ".";
    if (report.interrupted()) {
      sb.append(colors.paint("bold,yellow", "Apply interrupted: "))
          .append(counts)
          .append(" `formation plan` shows what is left.\n");
    } else if (!report.failed()) {
      sb.append(colors.paint("bold,green", "Apply complete: ")).append(counts).append('\n');
    } else {
      sb.append(colors.paint("bold,red", "Apply incomplete: "))
          .append(counts)
          .append(" Run `formation apply` again to do what is left.\n");
    }
    return sb.toString();
  }
}
