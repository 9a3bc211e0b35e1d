package dev.formation.cli;

import dev.formation.ops.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of every command that talks to a platform, as a mixin. */
public final class PlatformOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "Heroku API URL (default: from HEROKU_HOST, else https://api.heroku.com).")
  private String apiUrl;

  private int parallelism = Settings.DEFAULT_PARALLELISM;

  @Option(
      names = "--debug",
      description = "Trace every HTTP request on stderr (the token is redacted).")
  private boolean debug;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "" + Settings.DEFAULT_PARALLELISM,
      description =
          "Apps read and applied at once, 1 to "
              + Settings.MAX_PARALLELISM
              + " (default: ${DEFAULT-VALUE}).")
  void parallelism(int n) {
    if (n < 1 || n > Settings.MAX_PARALLELISM) {
      throw new ParameterException(
          mixee.commandLine(),
          "--parallelism must be between 1 and " + Settings.MAX_PARALLELISM + ", not " + n);
    }
    parallelism = n;
  }

  Settings settings() {
    return new Settings(parallelism, apiUrl, debug);
  }
}
