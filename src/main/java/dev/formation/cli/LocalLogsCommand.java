package dev.formation.cli;

import dev.formation.platform.local.ops.LocalOperation;
import dev.formation.platform.local.state.LogPage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation local logs}: an app's dyno, router and platform log lines. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print the logs of one local app, or of all of them.")
final class LocalLogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "APP",
      description = "The app (default: every app, each line prefixed with its name).")
  String app;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines until the daemon stops or Ctrl-C.")
  boolean follow;

  @Option(
      names = {"-n", "--lines"},
      defaultValue = "100",
      description = "How many of the latest lines to print first (default ${DEFAULT-VALUE}).")
  int lines;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalOperation.Logs logs =
        LocalCommand.operation(spec).logs(app, lines, follow, page -> print(page, out));
    out.flush();
    return LocalCommand.done(spec, logs.diagnostics());
  }

  /** With every app's logs, each line names its app: {@code quickstart: 2026-... web.1 | hi}. */
  private void print(LogPage page, PrintWriter out) {
    String prefix = app != null ? "" : page.app() + ": ";
    page.lines().forEach(l -> out.println(prefix + l));
    out.flush();
  }
}
