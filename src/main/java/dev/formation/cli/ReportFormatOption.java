package dev.formation.cli;

import dev.formation.cli.render.OutputFormat;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format text|json|markdown}, shared by the commands that print a report for people, for
 * machines and for a pull request: plan, show, drift and diff.
 */
final class ReportFormatOption {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = ReportFormatOption.Formats.class,
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  private String word;

  /** The formats, for shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("text", "json", "markdown").iterator();
    }
  }

  /** The format asked for; any other word is a usage error of {@code spec}'s command. */
  OutputFormat format(CommandSpec spec) {
    return OutputFormat.parse(
        spec, word, OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.MARKDOWN);
  }
}
