package dev.formation.cli;

import dev.formation.cli.render.LocalStatusText;
import dev.formation.platform.local.ops.LocalOperation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code formation local status}: the daemon, its apps, their dynos and autoscaling. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the local platform: URL, token file, apps, dynos, autoscaling; when it is not"
            + " running, the dynos a daemon that died left running.")
final class LocalStatusCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  Format format;

  @Override
  public Integer call() {
    LocalOperation.Status status = LocalCommand.operation(spec).status();
    if (status.json() != null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          format == Format.json ? status.json() : new LocalStatusText().render(status.json()));
      out.flush();
    }
    return LocalCommand.done(spec, status.diagnostics());
  }
}
