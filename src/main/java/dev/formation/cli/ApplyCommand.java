package dev.formation.cli;

import dev.formation.apply.Applier;
import dev.formation.apply.Interrupt;
import dev.formation.cli.render.ApplyReportText;
import dev.formation.cli.render.Colors;
import dev.formation.cli.render.OutputFormat;
import dev.formation.cli.render.TextPlanRenderer;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.ops.ApplyOperation;
import dev.formation.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation apply}: plans, asks, and makes the platform match; or applies a saved plan. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the live platform match formation.yaml.",
      "Without PLANFILE it plans first and applies after a `yes` at the prompt (or with"
          + " --auto-approve). With PLANFILE it applies exactly that saved plan, and refuses if"
          + " any planned app changed since.",
      "Schedules are carried out as they are now; a saved plan made for a window that is no"
          + " longer in force is refused. A plan that breaks a guardrail is refused unless"
          + " --allow names the rule."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:applied, or nothing to change",
      "1:error, refusal (a guardrail breach, a stale plan), or a partial apply",
      "130:interrupted by Ctrl-C (SIGINT); 143 by SIGTERM, 129 by SIGHUP: each app is reported"
          + " and the apply recorded"
    })
public final class ApplyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PLANFILE",
      description = "A plan saved by `formation plan --out`.")
  private Path planFile;

  @Mixin private ConfigOptions config;

  @Mixin private AppSelection apps;

  @Mixin private TargetOption targets;

  @Mixin private PlatformOptions platform;

  @Mixin private AllowOption allow;

  @Option(names = "--auto-approve", description = "Apply without asking.")
  private boolean autoApprove;

  @Option(
      names = "--allow-dirty",
      description =
          "In a git work tree, apply even though the -f files have uncommitted changes (the"
              + " apply is then recorded on no commit).")
  private boolean allowDirty;

  @Option(
      names = "--force-conflicts",
      description =
          "Kubernetes: take ownership of fields another field manager (Helm, Argo CD) owns, instead"
              + " of failing on the conflict; recorded in the apply's git note.")
  private boolean forceConflicts;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = ApplyCommand.Formats.class,
      description =
          "text or json (default: ${DEFAULT-VALUE}). With json, stdout carries one document"
              + " (schemas/apply.schema.json); progress stays on stderr, and --auto-approve or"
              + " PLANFILE is required.")
  private String formatWord;

  /** The formats {@code apply} offers, for shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("text", "json").iterator();
    }
  }

  @Override
  public Integer call() {
    boolean json =
        OutputFormat.parse(spec, formatWord, OutputFormat.TEXT, OutputFormat.JSON)
            == OutputFormat.JSON;
    if (json && !autoApprove && planFile == null) {
      // no plan can be shown for a `yes` in JSON: refuse before reading anything
      Diagnostics refused =
          new Diagnostics()
              .error(
                  Code.FM180,
                  "apply --format json cannot show a plan to approve; nothing was read or changed",
                  null,
                  "pass --auto-approve, or apply a saved plan: formation plan --out plan.json,"
                      + " then formation apply --format json plan.json");
      Output.diagnostics(spec, refused, null);
      return ExitCode.ERROR;
    }
    return json ? new JsonApply(this).call() : text();
  }

  private int text() {
    Environment env = FormationCommand.environmentOf(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ApplyOperation operation = operation();
    ApplyOperation.Request request = request();
    // until the first write, Ctrl-C only stops reading (or the prompt): it exits at once
    Interrupts.Caught reading = Interrupts.whileReading(spec);
    try (ApplyOperation.Prepared prepared = operation.prepare(request)) {
      Output.diagnostics(
          spec,
          prepared.diagnostics(),
          prepared.loaded() == null ? null : prepared.loaded().sources());
      if (prepared.loaded() != null && !prepared.loaded().ok()) {
        Output.invalidConfig(spec, "nothing was read from any platform");
      }
      Plan plan = prepared.plan();
      if (!prepared.ok()) {
        if (plan != null && plan.breaksGuardrails() && !prepared.fromFile()) {
          // the refusal is the plan's own: show it, with each breach under its app
          out.print(new TextPlanRenderer(env.colour(), env.workingDir()).render(plan));
          out.flush();
        }
        return ExitCode.ERROR;
      }
      if (prepared.fromFile()) {
        out.println(
            "Applying the saved plan "
                + planFile
                + " ("
                + plan.toAdd()
                + " to add, "
                + plan.toChange()
                + " to change, "
                + plan.toRemove()
                + " to remove).");
      } else {
        out.print(new TextPlanRenderer(env.colour(), env.workingDir()).render(plan));
        out.flush();
        if (!plan.hasChanges()) {
          return plan.hasErrors() ? ExitCode.ERROR : ExitCode.OK;
        }
        if (!autoApprove && !approved(spec, env, err)) {
          return ExitCode.ERROR;
        }
      }
      reading.close();
      Interrupt interrupt = new Interrupt();
      ApplyOperation.Result result;
      Interrupts.Caught caught = Interrupts.during(interrupt, spec);
      try {
        // approved at a prompt, time has passed since the plan's reads: each app is read again
        result =
            prepared.apply(
                interrupt, autoApprove ? Applier.Reread.NO : Applier.Reread.BEFORE_WRITING);
      } finally {
        caught.close();
      }
      out.println();
      out.print(new ApplyReportText(Colors.when(env.colour())).render(result.report()));
      out.flush();
      Output.diagnostics(spec, result.diagnostics(), null);
      if (result.recorded() != null) {
        err.println(result.recorded());
        err.flush();
      }
      if (result.report().interrupted()) {
        return caught.exitCode();
      }
      return result.report().failed() ? ExitCode.ERROR : ExitCode.OK;
    } finally {
      reading.close();
    }
  }

  ApplyOperation.Request request() {
    return new ApplyOperation.Request(
        config.source(null),
        apps.selection(targets),
        platform.settings().withForceConflicts(forceConflicts),
        planFile,
        allowDirty,
        allow.rules());
  }

  ApplyOperation operation() {
    return new ApplyOperation(Output.host(spec), VersionProvider.version(), Output.clock());
  }

  CommandSpec spec() {
    return spec;
  }

  Path planFile() {
    return planFile;
  }

  /** Asks for a {@code yes} on the terminal; without one, refuses rather than hang. */
  private static boolean approved(CommandSpec spec, Environment env, PrintWriter err) {
    if (!env.terminal().interactive()) {
      Diagnostics refused =
          new Diagnostics()
              .error(
                  Code.FM140,
                  "apply asks for a `yes` on a terminal, and there is none; nothing was changed",
                  null,
                  "pass --auto-approve to apply without asking, or apply a saved plan");
      Output.diagnostics(spec, refused, null);
      return false;
    }
    String answer =
        env.terminal()
            .readLine(
                "\n"
                    + "Do you want to apply these changes?\n"
                    + "  Only 'yes' will be accepted to approve.\n\n"
                    + "  Enter a value: ");
    if (answer == null || !answer.trim().equals("yes")) {
      err.println("Apply cancelled; nothing was changed.");
      err.flush();
      return false;
    }
    return true;
  }
}
