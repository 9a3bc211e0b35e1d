package dev.formation.cli.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every output format of every command. A command declares {@code --format} with this type and
 * calls {@link #require} with the formats it supports, so the choice of words is the same
 * everywhere.
 */
public enum OutputFormat {
  TEXT,
  JSON,
  GITHUB,
  MARKDOWN;

  /** The word on the command line. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Refuses a format the command does not support, as a usage error (exit 1, no trace). */
  public OutputFormat require(CommandSpec spec, OutputFormat... supported) {
    if (Arrays.asList(supported).contains(this)) {
      return this;
    }
    String words =
        Arrays.stream(supported).map(OutputFormat::word).collect(Collectors.joining(", "));
    throw new ParameterException(
        spec.commandLine(),
        "`" + spec.name() + "` does not support --format " + word() + "; use one of: " + words);
  }
}
