package dev.formation.cli;

import dev.formation.apply.LiveReader;
import dev.formation.catalog.Catalog;
import dev.formation.cli.render.FormationYaml;
import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation import}: prints formation.yaml for live apps, for onboarding. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Print formation.yaml for live apps (redirect it to a file to start managing them).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every app imported", "1:an app could not be read"})
public final class ImportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "APP", description = "The apps' names on the platform.")
  private List<String> names = new ArrayList<>();

  @Option(
      names = "--platform",
      paramLabel = "PLATFORM",
      defaultValue = "heroku",
      description = "heroku or local (default: ${DEFAULT-VALUE}).")
  private PlatformKind platformKind;

  @Mixin private PlatformOptions platform;

  @Override
  public Integer call() {
    Environment env = FormationCommand.environmentOf(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, PlatformKind> targets = new LinkedHashMap<>();
    names.forEach(n -> targets.put(n, platformKind));
    LiveReader.Result read;
    try (CliPlatforms platforms = new CliPlatforms(env, platform, err)) {
      read =
          new LiveReader(platforms, platform.parallelism(), line -> Planning.progress(err, line))
              .read(targets);
    }
    read.errors().forEach((app, why) -> err.println("error: " + app + ": " + why));
    List<LiveApp> apps = new ArrayList<>(read.live().values());
    if (!apps.isEmpty()) {
      out.print(new FormationYaml(Catalog.standard()).render(apps, platformKind));
      out.flush();
    }
    err.flush();
    return read.errors().isEmpty() ? ExitCode.OK : ExitCode.ERROR;
  }
}
