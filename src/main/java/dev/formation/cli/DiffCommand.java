package dev.formation.cli;

import dev.formation.cli.render.DiffRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.ops.DiffOperation;
import dev.formation.plan.FormationDiff;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation diff}: what a change to the formation files does, with its cost; offline. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a change to the formation files does to each app, with the monthly cost before"
          + " and after. Offline: no platform is read.",
      "REV_A defaults to the merge base of HEAD with its upstream branch (HEAD when the branch"
          + " tracks none); REV_B defaults to the files in the work tree. A file absent from one"
          + " version counts as empty; a file in neither is an error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the diff was shown, whether or not anything changed",
      "1:error (not a git repository, unknown ref, invalid config in either version)"
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "REV_A",
      description = "The older version: a commit, branch or tag.")
  private String revA;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "REV_B",
      description = "The newer version (default: the work tree).")
  private String revB;

  @Mixin private ReportFormatOption formatOption;

  @Option(names = "--text", description = "Print a unified diff of the files' text instead.")
  private boolean text;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.format(spec);
    PrintWriter out = spec.commandLine().getOut();
    DiffOperation.Result result =
        new DiffOperation().run(new DiffOperation.Request(config.source(null), revA, revB, text));
    Output.diagnostics(spec, result.diagnostics(), result.sources());
    if (result.unified() != null) {
      out.print(result.unified());
      out.flush();
      return ExitCode.OK;
    }
    FormationDiff diff = result.diff();
    if (diff == null) {
      if (result.from() != null && result.diagnostics().hasErrors()) {
        boolean config = result.diagnostics().sorted().stream().anyMatch(d -> d.range() != null);
        if (config) {
          Output.invalidConfig(spec, "no diff was made");
        }
      }
      return ExitCode.ERROR;
    }
    out.print(
        switch (format) {
          case JSON -> DiffRenderer.json(diff, result.from(), result.to());
          case MARKDOWN -> DiffRenderer.markdown(diff, result.from(), result.to());
          default -> DiffRenderer.text(diff, result.from(), result.to());
        });
    out.flush();
    return ExitCode.OK;
  }
}
