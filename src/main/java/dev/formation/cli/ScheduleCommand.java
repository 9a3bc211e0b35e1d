package dev.formation.cli;

import dev.formation.cli.render.OutputFormat;
import dev.formation.cli.render.ScheduleRenderer;
import dev.formation.ops.ScheduleOperation;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code formation schedule}: each process type's timeline, with costs; offline. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Show each process type's timeline for the next days: every change of its quantity or"
          + " autoscale band from its schedule's windows, with the monthly rate of each, and the"
          + " monthly estimate with each window weighted by the hours it is in force (a month of"
          + " 730 hours; a window counts for the share of the 168-hour week it is in force)."
          + " Offline: no platform is read."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the timeline was shown", "1:error (invalid config, unknown app)"})
public final class ScheduleCommand implements Callable<Integer> {
  static final int MAX_DAYS = 92;

  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Mixin private AppSelection apps;

  @Mixin private RefOption ref;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = Moment.class,
      description = "Start the timeline at this RFC 3339 time instead of now.")
  private Instant from;

  private int days = 7;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "7",
      description =
          "How many days the timeline covers, 1 to " + MAX_DAYS + " (default: ${DEFAULT-VALUE}).")
  void days(int n) {
    if (n < 1 || n > MAX_DAYS) {
      throw new ParameterException(
          spec.commandLine(), "--days must be between 1 and " + MAX_DAYS + ", not " + n);
    }
    days = n;
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
    ScheduleOperation.Result result =
        new ScheduleOperation(Output.clock())
            .run(
                new ScheduleOperation.Request(
                    config.source(ref.ref()), apps.selection(), from, days));
    Output.diagnostics(
        spec, result.diagnostics(), result.loaded() == null ? null : result.loaded().sources());
    if (result.report() == null) {
      if (result.loaded() != null && !result.loaded().ok()) {
        Output.invalidConfig(spec, "no timeline was made");
      }
      return ExitCode.ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format == OutputFormat.JSON
            ? ScheduleRenderer.json(result.report())
            : ScheduleRenderer.text(result.report()));
    out.flush();
    return ExitCode.OK;
  }
}
