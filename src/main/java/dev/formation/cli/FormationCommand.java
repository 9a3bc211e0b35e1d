package dev.formation.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;

/** The root command; it only groups the subcommands and holds the command's environment. */
@Command(
    name = "formation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative dyno formations: validate, plan and apply formation.yaml.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      DriftCommand.class,
      DiffCommand.class,
      ScheduleCommand.class,
      LogCommand.class,
      ApplyCommand.class,
      ImportCommand.class,
      SizesCommand.class,
      LocalCommand.class,
      HelpCommand.class
    })
public final class FormationCommand {
  private final Environment environment;

  public FormationCommand() {
    this(Environment.system());
  }

  /**
   * @param workingDir what relative paths on the command line resolve against
   */
  public FormationCommand(Path workingDir) {
    this(Environment.system(workingDir));
  }

  public FormationCommand(Environment environment) {
    this.environment = environment;
  }

  /** The directory relative paths resolve against: the process's own, or one a test chose. */
  public Path workingDir() {
    return environment.workingDir();
  }

  public Environment environment() {
    return environment;
  }

  /** The environment of the command tree {@code spec} belongs to. */
  static Environment environmentOf(CommandSpec spec) {
    Object root = spec == null ? null : spec.root().userObject();
    return root instanceof FormationCommand f ? f.environment() : Environment.system();
  }
}
