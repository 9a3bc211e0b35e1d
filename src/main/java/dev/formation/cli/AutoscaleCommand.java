package dev.formation.cli;

import dev.formation.apply.Interrupt;
import dev.formation.cli.render.AutoscaleLine;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.ops.autoscale.AutoscaleOperation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code formation autoscale}: the queue autoscaler for Heroku apps, run as a dyno of its own or on
 * any machine that stays on; one JSON line per decision on stdout.
 */
@Command(
    name = "autoscale",
    mixinStandardHelpOptions = true,
    description = {
      "Scale queue-autoscaled process types from their backlog: every rule's interval, read the"
          + " Redis lists or the PostgreSQL query, compute the count (ceil(backlog / per_dyno)"
          + " within min..max, lower only after scale_down_after) and write the counts that"
          + " changed, one batch request per app. Prints one JSON line per decision.",
      "Runs until Ctrl-C or SIGTERM, which stop it after the current round; --once runs one"
          + " round. The queue URLs come from the environment variables the rules name."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:--once: every backlog read and every count written",
      "1:error (invalid config, nothing to autoscale; --once: a read or write failed)",
      "130:stopped by Ctrl-C (SIGINT) after a round; 143 by SIGTERM, 129 by SIGHUP"
    })
public final class AutoscaleCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Mixin private AppSelection apps;

  @Mixin private PlatformOptions platform;

  @Option(names = "--once", description = "Run one round and exit (for cron-style use).")
  private boolean once;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description =
          "Keep each type's backlog samples in FILE between runs, so that runs with --once"
              + " scale down after scale_down_after (without it a run remembers only its own"
              + " rounds).")
  private Path state;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    AutoscaleOperation.Request request =
        new AutoscaleOperation.Request(
            config.source(null), apps.selection(), platform.settings(), once, state);
    AutoscaleOperation operation =
        new AutoscaleOperation(Output.host(spec), VersionProvider.version(), Output.clock());
    Interrupt stop = new Interrupt();
    AutoscaleOperation.Result result;
    // a round may write: Ctrl-C lets it finish, so no count is left half-written
    Interrupts.Caught caught = Interrupts.during(stop, spec);
    try {
      result =
          operation.run(
              request,
              stop,
              e -> {
                synchronized (out) {
                  out.println(AutoscaleLine.json(e));
                  out.flush();
                }
              });
    } finally {
      caught.close();
    }
    Diagnostics diagnostics = result.diagnostics();
    if (once && result.rounds() > 0 && result.failed()) {
      diagnostics.error(
          Code.FM201,
          "a backlog or a formation could not be read, or a count not written; those types kept"
              + " their count",
          null,
          "each `\"action\":\"error\"` line says which and why");
    }
    Output.diagnostics(spec, diagnostics, result.loaded().sources());
    if (result.loaded() != null && !result.loaded().ok()) {
      Output.invalidConfig(spec, "nothing was autoscaled");
    }
    if (stop.requested()) {
      return caught.exitCode();
    }
    return diagnostics.hasErrors() || (once && result.failed()) ? ExitCode.ERROR : ExitCode.OK;
  }
}
