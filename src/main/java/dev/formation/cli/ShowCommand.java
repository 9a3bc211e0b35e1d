package dev.formation.cli;

import dev.formation.cli.render.JsonPlanRenderer;
import dev.formation.cli.render.MarkdownPlanRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.cli.render.TextPlanRenderer;
import dev.formation.ops.ShowOperation;
import dev.formation.planfile.SavedPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation show PLANFILE}: prints a saved plan, as {@code terraform show} does. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print a plan saved with `plan --out`, in the plan's own formats. The file is checked as"
            + " apply checks it (a file edited by hand is refused). Offline: no platform is read.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the plan was shown", "1:the file is missing, unreadable or refused"})
public final class ShowCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLANFILE", description = "A plan saved with --out.")
  private Path planFile;

  @Mixin private ReportFormatOption formatOption;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.format(spec);
    Environment env = FormationCommand.environmentOf(spec);
    ShowOperation.Result result =
        new ShowOperation().run(new ShowOperation.Request(planFile, env.workingDir()));
    Output.diagnostics(spec, result.diagnostics(), null);
    SavedPlan saved = result.saved();
    if (saved == null) {
      return ExitCode.ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.TEXT) {
      out.println(
          "Saved plan "
              + planFile
              + ": made "
              + saved.createdAt()
              + " by formation "
              + saved.toolVersion()
              + (saved.gitCommit() == null
                  ? ", from files on no commit"
                  : " from commit " + saved.gitCommit().substring(0, 7))
              + (saved.plan().at() == null ? "" : ", for the moment " + saved.plan().at())
              + ".");
      out.println();
    }
    out.print(
        switch (format) {
          case JSON -> new JsonPlanRenderer().render(saved.plan());
          case MARKDOWN -> new MarkdownPlanRenderer(env.workingDir()).render(saved.plan());
          default -> new TextPlanRenderer(env.colour(), env.workingDir()).render(saved.plan());
        });
    out.flush();
    return ExitCode.OK;
  }
}
