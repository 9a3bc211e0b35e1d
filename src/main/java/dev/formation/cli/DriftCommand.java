package dev.formation.cli;

import dev.formation.cli.render.DriftRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.ops.DriftOperation;
import dev.formation.plan.DriftReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code formation drift}: the live platform against the config, for a scheduled job. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the live platform with formation.yaml and classify each difference.",
      "Unexpected: a count or size changed by hand, an autoscaled count outside its band, an"
          + " autoscaler changed, turned off or on by hand, a managed type gone, an app that"
          + " cannot be read. Expected: an autoscaled count inside its band that differs from"
          + " the configured starting quantity, a running unmanaged type with `prune: false`."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no unexpected drift",
      "1:error (invalid config, unknown ref, an app that cannot be read)",
      "2:unexpected drift (with --fail-on expected: any drift)"
    })
public final class DriftCommand implements Callable<Integer> {
  /** Which drift makes the command exit 2. */
  enum FailOn {
    UNEXPECTED,
    EXPECTED
  }

  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Mixin private AppSelection apps;

  @Mixin private PlatformOptions platform;

  @Mixin private RefOption ref;

  @Mixin private AtOption at;

  @Mixin private ReportFormatOption formatOption;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "unexpected",
      description = "unexpected, or expected to exit 2 on any drift (default: ${DEFAULT-VALUE}).")
  private FailOn failOn;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.format(spec);
    PrintWriter out = spec.commandLine().getOut();
    DriftOperation.Request request =
        new DriftOperation.Request(
            config.source(ref.ref()), apps.selection(), platform.settings(), at.at());
    DriftOperation.Result result =
        Interrupts.whileReading(
            spec,
            () ->
                new DriftOperation(Output.host(spec), VersionProvider.version(), Output.clock())
                    .run(request));
    DriftReport report = result.report();
    if (report == null) {
      Output.diagnostics(spec, result.diagnostics(), result.loaded().sources());
      if (!result.loaded().ok()) {
        Output.invalidConfig(spec, "nothing was read from any platform");
      }
      return ExitCode.ERROR;
    }
    out.print(
        switch (format) {
          case JSON -> DriftRenderer.json(report);
          case MARKDOWN -> DriftRenderer.markdown(report);
          default -> DriftRenderer.text(report);
        });
    out.flush();
    Output.diagnostics(spec, result.diagnostics(), result.loaded().sources());
    if (result.diagnostics().hasErrors()) {
      return ExitCode.ERROR;
    }
    boolean fail =
        report.unexpectedCount() > 0 || (failOn == FailOn.EXPECTED && report.expectedCount() > 0);
    return fail ? ExitCode.CHANGES : ExitCode.OK;
  }
}
