package dev.formation.cli;

import dev.formation.cli.render.CodeQualityDiagnostics;
import dev.formation.cli.render.Colors;
import dev.formation.cli.render.GithubDiagnostics;
import dev.formation.cli.render.JsonDiagnostics;
import dev.formation.cli.render.OutputFormat;
import dev.formation.cli.render.TextDiagnostics;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.diag.Diagnostic;
import dev.formation.ops.Configs;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code formation validate}: checks the config files offline. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check formation.yaml offline: syntax, schema, sizes, limits, Procfiles.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid (warnings allowed)", "1:invalid or unreadable"})
public final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Mixin private RefOption ref;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = ValidateCommand.Formats.class,
      description =
          "text, json, github (workflow annotations) or codequality (a GitLab Code Quality"
              + " report) (default: ${DEFAULT-VALUE}).")
  private String formatWord;

  /** The formats {@code validate} offers, for shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("text", "json", "github", "codequality").iterator();
    }
  }

  @Override
  public Integer call() {
    OutputFormat format =
        OutputFormat.parse(
            spec,
            formatWord,
            OutputFormat.TEXT,
            OutputFormat.JSON,
            OutputFormat.GITHUB,
            OutputFormat.CODEQUALITY);
    LoadResult result = Configs.load(config.source(ref.ref()));
    List<Diagnostic> diagnostics = result.diagnostics().sorted();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.print(JsonDiagnostics.document(result.ok(), diagnostics));
      case GITHUB -> GithubDiagnostics.render(diagnostics, ref.ref(), out);
      case CODEQUALITY ->
          CodeQualityDiagnostics.render(
              diagnostics, ref.ref(), config.source(null).files().get(0).toString(), out);
      default -> {
        new TextDiagnostics(result.sources(), Colors.auto()).render(diagnostics, out);
        out.println(summary(result));
      }
    }
    out.flush();
    return result.ok() ? ExitCode.OK : ExitCode.ERROR;
  }

  /** {@code ok: 2 apps, 5 process types} or {@code invalid: 2 errors, 1 warning}. */
  static String summary(LoadResult result) {
    int warnings = result.diagnostics().warningCount();
    String warningText = warnings == 0 ? "" : ", " + count(warnings, "warning");
    Formation f = result.formationOrNull();
    if (f == null) {
      return "invalid: " + count(result.diagnostics().errorCount(), "error") + warningText;
    }
    int types = f.apps().stream().mapToInt(a -> a.processes().size()).sum();
    return "ok: "
        + count(f.apps().size(), "app")
        + ", "
        + count(types, "process type")
        + warningText;
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
