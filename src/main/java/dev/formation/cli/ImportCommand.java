package dev.formation.cli;

import dev.formation.catalog.Catalog;
import dev.formation.cli.render.FormationYaml;
import dev.formation.config.PlatformKind;
import dev.formation.ops.ImportOperation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation import}: prints formation.yaml for live apps, for onboarding. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Print formation.yaml for live apps (redirect it to a file to start managing them).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every app imported (with --merge: the file edited, or already up to date)",
      "1:an app could not be read, or (with --merge) the edit was refused; the file is unchanged"
          + " when refused"
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "APP",
      description = "The apps' names on the platform (with --merge: default every app of FILE).")
  private List<String> names = new ArrayList<>();

  @Option(
      names = "--platform",
      paramLabel = "PLATFORM",
      converter = PlatformWord.class,
      defaultValue = "heroku",
      description = "heroku, local or kubernetes (default: ${DEFAULT-VALUE}).")
  private PlatformKind platformKind;

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "Kubernetes: the kubeconfig context (default: the current one).")
  private String context;

  @Option(
      names = "--namespace",
      paramLabel = "NAMESPACE",
      description = "Kubernetes: the namespace (default: the context's, else default).")
  private String namespace;

  @Mixin private PlatformOptions platform;

  @Option(
      names = "--merge",
      description =
          "Write the live counts and sizes into the apps of FILE in place, as `formation scale`"
              + " does (docs/editing.md), instead of printing a new file.")
  private boolean merge;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "formation.yaml",
      description = "With --merge: the file to edit (default: ${DEFAULT-VALUE}).")
  private Path file;

  @Override
  public Integer call() {
    if (merge) {
      return ImportMerge.run(spec, file, names, platform.settings());
    }
    if (names.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'APP'");
    }
    PrintWriter out = spec.commandLine().getOut();
    ImportOperation.Result result =
        Interrupts.whileReading(
            spec,
            () ->
                new ImportOperation(Output.host(spec), VersionProvider.version())
                    .run(
                        new ImportOperation.Request(
                            names, platformKind, platform.settings(), context, namespace)));
    Output.diagnostics(spec, result.diagnostics(), null);
    if (!result.apps().isEmpty()) {
      out.print(new FormationYaml(Catalog.standard()).render(result.apps(), platformKind));
      out.flush();
    }
    return result.diagnostics().hasErrors() ? ExitCode.ERROR : ExitCode.OK;
  }
}
