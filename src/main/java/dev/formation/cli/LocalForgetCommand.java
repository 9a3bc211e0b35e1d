package dev.formation.cli;

import dev.formation.platform.local.ops.LocalOperation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation local forget APP}: stops an app's dynos and removes it and its logs. */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description =
        "Remove an app from the local platform: stop its dynos, forget its formation and delete"
            + " its logs. Its folder is left alone; the next plan or apply registers it again.")
final class LocalForgetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "APP", description = "The app to forget.")
  String app;

  @Override
  public Integer call() {
    LocalOperation.Forgot forgot = LocalCommand.operation(spec).forget(app);
    if (forgot.forgotten()) {
      spec.commandLine().getOut().println("Forgot " + app + ": its dynos are stopped.");
    }
    return LocalCommand.done(spec, forgot.diagnostics());
  }
}
