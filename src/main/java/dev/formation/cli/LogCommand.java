package dev.formation.cli;

import dev.formation.cli.render.LogRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.ops.LogOperation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code formation log}: each app's formation history from git, with what was applied when. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "List, per app, the commits that changed its formation, newest first: author, date,"
          + " subject, the change and its monthly cost, and when it was applied (from the notes"
          + " under refs/notes/formation that apply writes)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the history was shown", "1:error (not a git repository)"})
public final class LogCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Option(names = "--app", paramLabel = "APP", description = "Only this app (repeatable).")
  private List<String> apps = new ArrayList<>();

  private int maxCount;

  @Option(
      names = "--max-count",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Look at most at the N newest commits that touch the files, N at least 1 (default:"
              + " ${DEFAULT-VALUE}).")
  void maxCount(int n) {
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--max-count must be at least 1, not " + n);
    }
    maxCount = n;
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  private String formatWord;

  @Override
  public Integer call() {
    OutputFormat format =
        OutputFormat.parse(spec, formatWord, OutputFormat.TEXT, OutputFormat.JSON);
    PrintWriter out = spec.commandLine().getOut();
    LogOperation.Result result =
        new LogOperation().run(new LogOperation.Request(config.source(null), maxCount));
    Output.diagnostics(spec, result.diagnostics(), null);
    if (result.diagnostics().hasErrors()) {
      return ExitCode.ERROR;
    }
    out.print(
        format == OutputFormat.JSON
            ? LogRenderer.json(result.entries(), apps)
            : LogRenderer.text(result.entries(), apps));
    out.flush();
    return ExitCode.OK;
  }
}
