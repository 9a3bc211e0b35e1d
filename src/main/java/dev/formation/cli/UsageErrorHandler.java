package dev.formation.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command-line usage error in one or two lines on stderr and exits 1, because picocli's
 * own code for this, 2, means "changes present" in formation.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
    String config = configFileArgument(ex);
    if (config != null) {
      err.println(
          "A config file is read with -f: formation " + cmd.getCommandName() + " -f " + config);
    } else if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println(
          "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
    err.flush();
    return ExitCode.ERROR;
  }

  /** A YAML file given where no positional argument is taken, as in {@code plan formation.yaml}. */
  private static String configFileArgument(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException u) {
      return u.getUnmatched().stream()
          .filter(a -> a.endsWith(".yaml") || a.endsWith(".yml"))
          .findFirst()
          .orElse(null);
    }
    return null;
  }
}
