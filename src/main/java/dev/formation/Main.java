package dev.formation;

import dev.formation.cli.FormationCommand;
import picocli.CommandLine;

/** Wiring only: builds the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared with tests so they run exactly what users run. */
  public static CommandLine commandLine() {
    return new CommandLine(new FormationCommand());
  }
}
