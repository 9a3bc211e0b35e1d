package dev.formation.cli;

import dev.formation.git.UnifiedDiff;
import dev.formation.ops.FormatOperation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code formation fmt}: rewrites formation files in the canonical layout, as terraform fmt. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrite formation files in one canonical layout: two-space indentation, one space after"
          + " `:`, no trailing spaces, at most one blank line in a row, strings in the plainest"
          + " style that reads the same (docs/fmt.md).",
      "Every comment, anchor, alias and key order is kept, and the result must read as the same"
          + " data, or the file is left as it is. Prints the files it rewrote."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file is laid out (rewritten, or already so)",
      "1:with --check, a file would change; or a file does not validate or cannot be laid out"
          + " (it is left as it is)"
    })
public final class FmtCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "PATH",
      defaultValue = "formation.yaml",
      description =
          "A file to lay out, or a folder of *.yaml files; repeatable (default: ${DEFAULT-VALUE}).")
  private List<Path> files = new ArrayList<>();

  @Option(
      names = "--check",
      description = "Write nothing: print the files that would change and exit 1 if any would.")
  private boolean check;

  @Option(
      names = "--diff",
      description = "Print a unified diff of each change (with --check, nothing is written).")
  private boolean diff;

  @Override
  public Integer call() {
    Environment env = FormationCommand.environmentOf(spec);
    FormatOperation.Result result =
        new FormatOperation().run(new FormatOperation.Request(files, env.workingDir(), check));
    PrintWriter out = spec.commandLine().getOut();
    for (FormatOperation.FileResult file : result.files()) {
      if (!(check ? file.changes() : file.written())) {
        continue;
      }
      out.println(file.file());
      if (diff) {
        String name = file.file().toString();
        String text = UnifiedDiff.of(name, file.before(), name, file.after());
        out.print(
            text.isEmpty()
                ? "--- " + name + "\n+++ " + name + "\n(only line breaks at the end change)\n"
                : text);
      }
    }
    out.flush();
    Output.diagnostics(spec, result.diagnostics(), result.sources());
    return result.diagnostics().hasErrors() ? ExitCode.ERROR : ExitCode.OK;
  }
}
