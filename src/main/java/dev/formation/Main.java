package dev.formation;

import dev.formation.cli.FormationCommand;
import dev.formation.cli.UsageErrorHandler;
import dev.formation.cli.VersionProvider;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Wiring only: builds the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared with tests so they run exactly what users run. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new FormationCommand());
    cmd.addSubcommand(completion());
    // picocli's usage-error code is 2, which formation reserves for "changes present".
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    return cmd;
  }

  /** picocli's completion-script generator, renamed to {@code completion}. */
  private static CommandLine completion() {
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().name("completion").versionProvider(new VersionProvider());
    return completion;
  }
}
