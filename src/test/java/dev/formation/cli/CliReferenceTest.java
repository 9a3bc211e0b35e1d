package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.Main;
import dev.formation.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code docs/cli.md} is the commands' own usage help; this test keeps the committed file equal to
 * what the code prints. Regenerate it with {@code -Dformation.golden.update=true}.
 */
class CliReferenceTest {
  private static final Path DOC = Path.of("docs", "cli.md");

  @Test
  void docsCliMd_matchesTheUsageHelpOfEveryCommand() throws IOException {
    String generated = reference();

    if (Boolean.getBoolean(Golden.UPDATE_PROPERTY)) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8).replace("\r\n", "\n"))
        .as("docs/cli.md is stale; run with -D%s=true to regenerate it", Golden.UPDATE_PROPERTY)
        .isEqualTo(generated);
  }

  @Test
  void usageHelp_speaksToUsers_notOfTheInternalSpec() {
    assertThat(reference()).doesNotContain("SPEC");
  }

  static String reference() {
    StringBuilder md = new StringBuilder();
    md.append("# Command-line reference\n\n")
        .append(
            "Generated from the commands' own `--help` by `CliReferenceTest`; regenerate with\n")
        .append("`mvn -B test -Dtest=CliReferenceTest -D")
        .append(Golden.UPDATE_PROPERTY)
        .append("=true`.\n\n")
        .append("Exit codes, for every command: `0` success and nothing to change, `1` error")
        .append(" (including a\nbad command line), `2` changes present or unexpected drift.\n\n")
        .append(
            "Errors, for every command: each is a diagnostic with a stable code,"
                + " `error[FMnnn]: message`\nand a `hint:`, with a page in"
                + " [diagnostics/](diagnostics/README.md). Commands print them on stderr; an\n"
                + "error about one app of a plan or an apply is shown under that app instead,"
                + " in the command's\n`--format` (a quote block in markdown, the app's"
                + " `diagnostics` in JSON), and a plan or apply in\nwhich an app could not be"
                + " read or planned says so in its summary line and exits 1, also with\n"
                + "`--detailed-exitcode`. A bad command line is FM160, Ctrl-C FM161. Anything"
                + " else is a bug in\nformation: it says so and where to report it, and"
                + " `--debug` (or `FORMATION_STACKTRACE=1`) adds\nthe stack trace.\n");
    append(Main.commandLine(), md);
    return md.toString();
  }

  private static void append(CommandLine cmd, StringBuilder md) {
    md.append("\n## `")
        .append(cmd.getCommandSpec().qualifiedName())
        .append("`\n\n```text\n")
        .append(cmd.getUsageMessage(Ansi.OFF).replace("\r\n", "\n").stripTrailing())
        .append("\n```\n");
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().name().equals(name)) {
                append(sub, md);
              }
            });
  }
}
