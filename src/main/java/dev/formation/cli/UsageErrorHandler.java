package dev.formation.cli;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command-line usage error as a diagnostic ({@link Code#FM160}, with a "did you mean"
 * hint) on stderr and exits 1, because picocli's own code for this, 2, means "changes present" in
 * formation.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    Output.diagnostics(
        cmd.getCommandSpec(),
        new Diagnostics().error(Code.FM160, ex.getMessage(), null, hint(ex, cmd)),
        null);
    return ExitCode.ERROR;
  }

  /** What to type instead: {@code -f} before a YAML file, the closest names, else the help. */
  static String hint(ParameterException ex, CommandLine cmd) {
    String config = configFileArgument(ex);
    if (config != null) {
      return "a config file is read with -f: formation " + cmd.getCommandName() + " -f " + config;
    }
    List<String> suggestions =
        ex instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
    if (!suggestions.isEmpty()) {
      int last = suggestions.size() - 1;
      String names =
          last == 0
              ? suggestions.get(0)
              : String.join(", ", suggestions.subList(0, last)) + " or " + suggestions.get(last);
      return "did you mean " + names + "?";
    }
    return "`" + cmd.getCommandSpec().qualifiedName() + " --help` lists what it takes";
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
