package dev.formation.cli;

import dev.formation.cli.render.JsonPlanRenderer;
import dev.formation.cli.render.MarkdownPlanRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.cli.render.TextPlanRenderer;
import dev.formation.ops.PlanOperation;
import dev.formation.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code formation plan}: reads the live platform and prints what apply would do; with {@code
 * --offline}, compares with the last apply recorded in git instead and reads no platform.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Read the live platform and show what apply would change, with its cost.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no changes (or changes, without --detailed-exitcode)",
      "1:error (invalid config, a guardrail breach), or an incomplete plan: an app that could"
          + " not be read or planned, also with --detailed-exitcode",
      "2:changes present (with --detailed-exitcode)"
    })
public final class PlanCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Mixin private AppSelection apps;

  @Mixin private TargetOption targets;

  @Mixin private PlatformOptions platform;

  @Mixin private RefOption ref;

  @Mixin private AtOption at;

  @Mixin private AllowOption allow;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also save the plan to FILE for `formation apply FILE`.")
  private Path out;

  @Option(
      names = "--offline",
      description =
          "Plan against the last apply recorded in git (refs/notes/formation) instead of the live"
              + " platform: nothing is sent anywhere and no token is needed; apps never applied"
              + " are planned as new. Cannot be saved with --out.")
  private boolean offline;

  @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes.")
  private boolean detailedExitCode;

  @Mixin private ReportFormatOption formatOption;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.format(spec);
    Environment env = FormationCommand.environmentOf(spec);
    PlanOperation.Request request =
        new PlanOperation.Request(
            config.source(ref.ref()),
            apps.selection(targets),
            platform.settings(),
            out,
            at.at(),
            allow.rules(),
            offline);
    PlanOperation.Result result =
        Interrupts.whileReading(
            spec,
            () ->
                new PlanOperation(Output.host(spec), VersionProvider.version(), Output.clock())
                    .run(request));
    Output.diagnostics(
        spec, result.diagnostics(), result.loaded() == null ? null : result.loaded().sources());
    if (result.loaded() != null && !result.loaded().ok()) {
      Output.invalidConfig(spec, "nothing was read from any platform");
    }
    Plan plan = result.plan();
    if (plan == null) {
      return ExitCode.ERROR;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(
        switch (format) {
          case JSON -> new JsonPlanRenderer().render(plan, result.offline());
          case MARKDOWN ->
              new MarkdownPlanRenderer(env.workingDir()).render(plan, result.offline());
          default ->
              new TextPlanRenderer(env.colour(), env.workingDir()).render(plan, result.offline());
        });
    stdout.flush();
    if (result.saved() != null) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "Saved the plan to "
              + result.saved()
              + ". To apply exactly this plan: formation apply "
              + result.saved());
      err.flush();
    }
    if (plan.hasErrors() || result.diagnostics().hasErrors()) {
      return ExitCode.ERROR;
    }
    return detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
  }
}
