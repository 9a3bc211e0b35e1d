package dev.formation.cli.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every output format of every command. A command declares {@code --format} as a string and reads
 * it with {@link #parse} and the formats it supports, so the words and the refusal are the same
 * everywhere.
 */
public enum OutputFormat {
  TEXT,
  JSON,
  GITHUB,
  MARKDOWN,
  CODEQUALITY;

  /** The word on the command line. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the word given to a command's {@code --format} option, accepting only the formats that
   * command supports (in any case); anything else is a usage error (exit 1, no trace) that lists
   * them. Commands declare the option as a {@code String} so the message is theirs, not the enum's.
   */
  public static OutputFormat parse(CommandSpec spec, String word, OutputFormat... supported) {
    for (OutputFormat f : supported) {
      if (f.word().equalsIgnoreCase(word == null ? "" : word.trim())) {
        return f;
      }
    }
    String words =
        Arrays.stream(supported).map(OutputFormat::word).collect(Collectors.joining(", "));
    throw new ParameterException(
        spec.commandLine(),
        "`" + spec.name() + "` does not support --format " + word + "; use one of: " + words);
  }
}
