package dev.formation.cli;

import picocli.CommandLine.Option;

/** The options of every command that talks to a platform, as a mixin. */
public final class PlatformOptions {
  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "Heroku API URL (default: from HEROKU_HOST, else https://api.heroku.com).")
  String apiUrl;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "16",
      description = "Apps read and applied at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--debug",
      description = "Trace every HTTP request on stderr (the token is redacted).")
  boolean debug;

  public int parallelism() {
    return Math.max(1, Math.min(parallelism, 64));
  }
}
