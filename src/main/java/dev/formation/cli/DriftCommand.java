package dev.formation.cli;

import dev.formation.apply.LiveReader;
import dev.formation.cli.render.DriftRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.plan.Drift;
import dev.formation.plan.DriftReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
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

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  private String formatWord;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "unexpected",
      description = "unexpected, or expected to exit 2 on any drift (default: ${DEFAULT-VALUE}).")
  private FailOn failOn;

  @Override
  public Integer call() {
    OutputFormat format =
        OutputFormat.parse(
            spec, formatWord, OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.MARKDOWN);
    Environment env = FormationCommand.environmentOf(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadResult loaded = ref.loadOrReport(config, err);
    if (loaded == null) {
      return ExitCode.ERROR;
    }
    Formation selected = Planning.select(loaded, apps, env, err);
    if (selected == null) {
      return ExitCode.ERROR;
    }
    DriftReport report;
    LiveReader.Result live;
    try (CliPlatforms platforms = new CliPlatforms(env, platform, err)) {
      live = Planning.read(selected, platforms, platform, err);
      // whole seconds: "checked at 12:00:05Z" in reports, not nanoseconds
      Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1));
      report = Drift.classify(selected, live.live(), live.errors(), clock);
    }
    out.print(
        switch (format) {
          case JSON -> DriftRenderer.json(report);
          case MARKDOWN -> DriftRenderer.markdown(report);
          default -> DriftRenderer.text(report);
        });
    out.flush();
    if (!live.errors().isEmpty()) {
      // not drift but a failure to look (a token, the network, a deleted app): the job errs
      err.println(
          "error: "
              + live.errors().size()
              + " of "
              + selected.apps().size()
              + " apps could not be read; their drift is unknown");
      err.flush();
      return ExitCode.ERROR;
    }
    boolean fail =
        report.unexpectedCount() > 0 || (failOn == FailOn.EXPECTED && report.expectedCount() > 0);
    return fail ? ExitCode.CHANGES : ExitCode.OK;
  }
}
