package dev.formation.cli;

import dev.formation.catalog.Catalog;
import dev.formation.config.ConfigLoader;
import dev.formation.config.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code -f PATH} option every command that reads formation.yaml shares, as a mixin. */
public final class ConfigOptions {
  /** Read when no {@code -f} is given. */
  public static final Path DEFAULT_FILE = Path.of("formation.yaml");

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "PATH",
      description =
          "A config file, or a folder of *.yaml files; repeatable (default: ${DEFAULT-VALUE}).",
      defaultValue = "formation.yaml")
  private List<Path> files = new ArrayList<>();

  /** The inputs as given (relative paths stay relative, for the names in diagnostics). */
  public List<Path> files() {
    return files.isEmpty() ? List.of(DEFAULT_FILE) : List.copyOf(files);
  }

  /** Loads the inputs with the shipped catalogue, relative to the command's working directory. */
  public LoadResult load() {
    return new ConfigLoader(Catalog.standard(), workingDir()).load(files());
  }

  /** The root command's working directory, so tests can run commands in a folder of their own. */
  public Path workingDir() {
    Object root = mixee == null ? null : mixee.root().userObject();
    return root instanceof FormationCommand f ? f.workingDir() : Path.of("").toAbsolutePath();
  }
}
