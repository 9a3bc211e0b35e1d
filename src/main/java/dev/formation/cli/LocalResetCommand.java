package dev.formation.cli;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.platform.local.ops.LocalOperation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code formation local reset}: stops everything and deletes the local platform's state. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description =
        "Stop the local platform and every dyno, then delete all of its state: apps, logs,"
            + " token. Asks first, unless --yes.")
final class LocalResetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--yes", description = "Do not ask; reset at once.")
  boolean yes;

  @Override
  public Integer call() {
    LocalOperation operation = LocalCommand.operation(spec);
    if (!yes) {
      String dir = operation.stateDir().map(Object::toString).orElse("the local state folder");
      Environment.Terminal t = FormationCommand.environmentOf(spec).terminal();
      if (!t.interactive()) {
        return LocalCommand.done(
            spec,
            new Diagnostics()
                .error(
                    Code.FM140,
                    "reset deletes "
                        + dir
                        + ", and there is no terminal to ask on; nothing was"
                        + " changed",
                    null,
                    "confirm with `formation local reset --yes`"));
      }
      String answer =
          t.readLine(
              "This stops every local dyno and deletes "
                  + dir
                  + " (apps, logs, token).\nType 'yes' to reset: ");
      if (answer == null || !answer.trim().equals("yes")) {
        spec.commandLine().getErr().println("Reset cancelled; nothing was changed.");
        return ExitCode.ERROR;
      }
    }
    LocalOperation.Reset reset = operation.reset();
    if (reset.stopped() != null) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(LocalCommand.stoppedText(reset.stopped()));
      out.println("Deleted " + reset.stateDir() + ".");
    }
    return LocalCommand.done(spec, reset.diagnostics());
  }
}
