package dev.formation.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;

/** The root command; it only groups the subcommands and knows the working directory. */
@Command(
    name = "formation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative dyno formations: validate, plan and apply formation.yaml.",
    subcommands = {picocli.CommandLine.HelpCommand.class, ValidateCommand.class})
public final class FormationCommand {
  private final Path workingDir;

  public FormationCommand() {
    this(Path.of("").toAbsolutePath());
  }

  /**
   * @param workingDir what relative paths on the command line resolve against
   */
  public FormationCommand(Path workingDir) {
    this.workingDir = workingDir.toAbsolutePath();
  }

  /** The directory relative paths resolve against: the process's own, or one a test chose. */
  public Path workingDir() {
    return workingDir;
  }
}
