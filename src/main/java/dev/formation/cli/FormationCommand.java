package dev.formation.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; it only groups the subcommands and holds the command's environment. */
@Command(
    name = "formation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative dyno formations: validate, plan and apply formation.yaml.")
public final class FormationCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /**
   * The subcommands, in the order help lists them. They are added by {@code Main}, all of them or
   * only the one a run names: picocli reads every added command's annotations up front, which for
   * the whole tree costs a few hundred milliseconds of a start that should take less.
   */
  public static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ValidateCommand.class,
          PlanCommand.class,
          DriftCommand.class,
          DiffCommand.class,
          ScheduleCommand.class,
          LogCommand.class,
          ApplyCommand.class,
          ShowCommand.class,
          ImportCommand.class,
          ScaleCommand.class,
          FmtCommand.class,
          UiCommand.class,
          AutoscaleCommand.class,
          SizesCommand.class,
          LocalCommand.class,
          HelpCommand.class);

  /** The subcommand class named {@code name}, if there is one. */
  public static Optional<Class<?>> subcommand(String name) {
    return SUBCOMMANDS.stream()
        .filter(
            c ->
                Arrays.asList(c.getAnnotation(Command.class).name()).contains(name)
                    || Arrays.asList(c.getAnnotation(Command.class).aliases()).contains(name))
        .findFirst();
  }

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

  /** {@code formation} alone: the usage, on stdout, as {@code --help} prints it. */
  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    cl.usage(cl.getOut(), cl.getColorScheme());
    cl.getOut().flush();
    return ExitCode.OK;
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
