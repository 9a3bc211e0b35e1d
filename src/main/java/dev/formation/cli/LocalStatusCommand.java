package dev.formation.cli;

import dev.formation.cli.render.LocalStatusText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code formation local status}: the daemon, its apps, their dynos and autoscaling. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the local platform: URL, token file, apps, dynos, autoscaling.")
final class LocalStatusCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @ParentCommand LocalCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  Format format;

  @Override
  public Integer call() {
    return LocalCommand.guarded(spec, "", this::show);
  }

  private int show() throws IOException {
    String json = parent.client().statusJson();
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? json : new LocalStatusText().render(json));
    out.flush();
    return ExitCode.OK;
  }
}
