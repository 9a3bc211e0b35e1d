package dev.formation.cli;

import dev.formation.diag.Code;
import dev.formation.platform.local.LocalClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code formation local reset}: stops everything and deletes the local platform's state. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description =
        "Stop the local platform and every dyno, then delete all of its state: apps, logs,"
            + " token. Asks first, unless --yes.")
final class LocalResetCommand implements Callable<Integer> {
  @ParentCommand LocalCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--yes", description = "Do not ask; reset at once.")
  boolean yes;

  @Override
  public Integer call() {
    return LocalCommand.guarded(
        spec,
        "cannot reset the local platform: ",
        () -> {
          LocalClient client = parent.client();
          String dir = client.settings().stateDir().toString();
          if (!yes) {
            Environment.Terminal t = parent.terminal();
            if (!t.interactive()) {
              return LocalCommand.error(
                  spec,
                  Code.FM140,
                  "reset deletes "
                      + dir
                      + ", and there is no terminal to ask on; nothing was"
                      + " changed",
                  "confirm with `formation local reset --yes`");
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
          LocalClient.Stopped stopped = client.reset();
          spec.commandLine().getOut().println(LocalCommand.stoppedText(stopped));
          spec.commandLine().getOut().println("Deleted " + dir + ".");
          return ExitCode.OK;
        });
  }
}
