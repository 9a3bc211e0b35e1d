package dev.formation.cli;

import dev.formation.apply.Applier;
import dev.formation.apply.ApplyReport;
import dev.formation.apply.Interrupt;
import dev.formation.cli.render.ApplyReportJson;
import dev.formation.diag.Diagnostics;
import dev.formation.ops.ApplyOperation;
import dev.formation.plan.Plan;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code apply --format json}, approved beforehand ({@code --auto-approve} or a saved plan): the
 * apply's one JSON document on stdout, whatever the outcome; progress, diagnostics and the note's
 * line on stderr as in text.
 */
final class JsonApply {
  private final ApplyCommand command;
  private final CommandSpec spec;

  JsonApply(ApplyCommand command) {
    this.command = command;
    this.spec = command.spec();
  }

  int call() {
    PrintWriter err = spec.commandLine().getErr();
    Interrupts.Caught reading = Interrupts.whileReading(spec);
    try (ApplyOperation.Prepared prepared = command.operation().prepare(command.request())) {
      Output.diagnostics(
          spec,
          prepared.diagnostics(),
          prepared.loaded() == null ? null : prepared.loaded().sources());
      if (prepared.loaded() != null && !prepared.loaded().ok()) {
        Output.invalidConfig(spec, "nothing was read from any platform");
      }
      Plan plan = prepared.plan();
      Diagnostics diagnostics = new Diagnostics().addAll(prepared.diagnostics());
      if (!prepared.ok()) {
        return print(plan, null, diagnostics, null, ExitCode.ERROR);
      }
      if (prepared.fromFile()) {
        err.println("Applying the saved plan " + command.planFile() + ".");
        err.flush();
      }
      if (!plan.hasChanges()) {
        ApplyReport report = Applier.withoutWrites(plan);
        return print(
            plan, report, diagnostics, null, plan.hasErrors() ? ExitCode.ERROR : ExitCode.OK);
      }
      reading.close();
      Interrupt interrupt = new Interrupt();
      ApplyOperation.Result result;
      Interrupts.Caught caught = Interrupts.during(interrupt, spec);
      try {
        // approved beforehand: the plan's own reads are written on (a saved plan is read again)
        result = prepared.apply(interrupt, Applier.Reread.NO);
      } finally {
        caught.close();
      }
      Output.diagnostics(spec, result.diagnostics(), null);
      if (result.recorded() != null) {
        err.println(result.recorded());
        err.flush();
      }
      int exit =
          result.report().interrupted()
              ? caught.exitCode()
              : result.report().failed() ? ExitCode.ERROR : ExitCode.OK;
      diagnostics.addAll(result.diagnostics());
      return print(plan, result.report(), diagnostics, result.recordedOn(), exit);
    } finally {
      reading.close();
    }
  }

  private int print(
      Plan plan, ApplyReport report, Diagnostics diagnostics, String recordedOn, int exit) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(new ApplyReportJson().render(plan, report, diagnostics.sorted(), recordedOn, exit));
    out.flush();
    return exit;
  }
}
