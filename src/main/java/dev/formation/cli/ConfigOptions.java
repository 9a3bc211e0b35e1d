package dev.formation.cli;

import dev.formation.ops.ConfigSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code -f PATH} option every command that reads formation.yaml shares, as a mixin. */
public final class ConfigOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "PATH",
      description =
          "A config file, or a folder of *.yaml files; repeatable (default: ${DEFAULT-VALUE}).",
      defaultValue = "formation.yaml")
  private List<Path> files = new ArrayList<>();

  /** The inputs as given, read from disk, or at {@code ref} in git when it is not null. */
  ConfigSource source(String ref) {
    return new ConfigSource(files, FormationCommand.environmentOf(mixee).workingDir(), ref);
  }
}
