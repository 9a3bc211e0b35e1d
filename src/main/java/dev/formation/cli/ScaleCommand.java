package dev.formation.cli;

import dev.formation.cli.render.TextPlanRenderer;
import dev.formation.config.edit.EditResult;
import dev.formation.ops.ScaleOperation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation scale}: the Heroku CLI's ps:scale and ps:type, written into the file. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Change process types' counts and sizes in formation.yaml, as `heroku ps:scale` and"
          + " `heroku ps:type` would change the live app, then show the plan of the result.",
      "Only the changed values are rewritten: comments, anchors, blank lines and order stay"
          + " (docs/editing.md). Nothing is applied: commit the change and apply it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the file was edited, or already said so",
      "1:the edit was refused (a shared anchor, an autoscaled count, an unknown type) or would"
          + " make the file invalid; the file is unchanged"
    })
public final class ScaleCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "TYPE=N",
      description =
          "web=3, worker+1, worker-1, web=performance-m (size), web=2:standard-2x (both); a new"
              + " type needs both: clock=1:standard-1x.")
  private List<String> words = new ArrayList<>();

  @Option(
      names = "--app",
      paramLabel = "APP",
      description = "The app to edit (required when the file has more than one).")
  private String app;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "formation.yaml",
      description = "The file to edit (default: ${DEFAULT-VALUE}).")
  private Path file;

  @Option(
      names = "--no-plan",
      description = "Do not read the live platform to plan the result (offline).")
  private boolean noPlan;

  @Mixin private PlatformOptions platform;

  @Override
  public Integer call() {
    Environment env = FormationCommand.environmentOf(spec);
    ScaleOperation.Request request =
        new ScaleOperation.Request(
            file, env.workingDir(), app, words, !noPlan, platform.settings());
    ScaleOperation.Result result =
        Interrupts.whileReading(
            spec,
            () ->
                new ScaleOperation(Output.host(spec), VersionProvider.version(), Output.clock())
                    .run(request));
    Output.diagnostics(spec, result.diagnostics(), result.sources());
    if (result.refused()) {
      return ExitCode.ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    EditResult edit = result.edit();
    if (edit != null && edit.changed()) {
      out.println("Edited " + file + ":");
      edit.changes().forEach(c -> out.println("  " + c.describe()));
    } else {
      out.println(file + " already says so; nothing to change.");
    }
    if (result.plan() != null) {
      var plan = result.plan();
      Output.diagnostics(
          spec, plan.diagnostics(), plan.loaded() == null ? null : plan.loaded().sources());
      if (plan.plan() != null) {
        out.println();
        out.print(new TextPlanRenderer(env.colour(), env.workingDir()).render(plan.plan()));
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
