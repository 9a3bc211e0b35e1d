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

  /** What holds for every command, ahead of each command's own usage help. */
  static final String INTRO =
      """
      The file format is in [file-format.md](file-format.md); what `plan` compares, what a saved
      plan holds and the order in which `apply` writes, in [plan.md](plan.md); the requests formation
      sends to Heroku, in [heroku.md](heroku.md); the local platform behind `formation local`, in
      [local-platform.md](local-platform.md).

      ## Exit codes

      The same for every command:

      | code | meaning |
      |---|---|
      | `0` | success, and nothing to change |
      | `1` | an error: invalid files, a bad command line, an app that cannot be read or planned, a guardrail breach, a refused, cancelled or partial apply, a local platform that cannot be started or reached |
      | `2` | changes present (`plan --detailed-exitcode`) or unexpected drift (`drift`; with `--fail-on expected`, any drift) |
      | `130` | `apply` interrupted by Ctrl-C (128 + SIGINT) |
      | `143`, `129` | `apply` stopped by SIGTERM (a cancelled CI job) or SIGHUP (a closed terminal) |

      An `apply` stopped by a signal stops starting writes, lets the requests in flight finish,
      reports each app and records what it did in git. An apply whose changes were made but whose
      git record could not be written keeps its own exit code and warns `FM104`. Any command whose
      output could not be written (a full disk, a closed pipe) exits 1 with `FM145`.

      A command whose usage below lists no exit codes (`sizes`, `local ...`, `completion`) exits 0
      when it did its work and 1 on an error.

      ## Output

      Results go to stdout, everything else to stderr: diagnostics, progress, the note saying where
      `plan --out` saved the plan, and the `--debug` trace of every HTTP request (its token
      redacted). So `formation plan --format json > plan.json` holds the plan alone. Colour is used
      only on a terminal, and never when `NO_COLOR` is set. `apply` without a plan file asks for
      `yes` on the terminal, and refuses without one (FM140) rather than wait; `--auto-approve`
      skips the question.

      ## Errors

      Each error is a diagnostic with a stable code, `error[FMnnn]: message` and a `hint:`, with a
      page in [diagnostics/](diagnostics/README.md). Commands print them on stderr; an error about
      one app of a plan or an apply is shown under that app instead, in the command's `--format` (a
      quote block in markdown, the app's `diagnostics` in JSON), and a plan or apply in which an app
      could not be read or planned says so in its summary line and exits 1, also with
      `--detailed-exitcode`. A bad command line is FM160, a signal FM161. Anything else is a bug in
      formation: it says so and where to report it, and `--debug` (or `FORMATION_STACKTRACE=1`)
      adds the stack trace.

      ## Environment

      | variable | effect |
      |---|---|
      | `HEROKU_API_KEY` | the Heroku API token (else `~/.netrc`, as `heroku login` writes it); never printed, logged or written |
      | `HEROKU_HOST` | the Heroku API: a value starting with `http` is the API URL itself, any other the host behind `https://api.`; `--api-url` overrides it ([heroku.md](heroku.md)) |
      | `KUBECONFIG` | the kubeconfig of `platform: kubernetes` apps (default `~/.kube/config`) |
      | `NO_COLOR` | any value: no colour, even on a terminal |
      | `FORMATION_HOME` | where the local platform keeps its state (default `~/.formation`) |
      | `FORMATION_LOCAL_PORT` | the local platform's API port (default: a free one) |
      | `FORMATION_LOCAL_GRACE`, `FORMATION_LOCAL_AUTOSCALE_INTERVAL`, `FORMATION_LOCAL_MEMORY_INTERVAL` | local platform timings in seconds: SIGTERM-to-SIGKILL grace (30), autoscaler interval (60), memory sampling (5) |
      | `FORMATION_LOCAL_MEMORY_QUOTA_MB` | one memory quota for every local dyno instead of its size's |
      | `JAVA_HOME`, `JAVA_OPTS` | the Java that `bin/formation` runs, and extra JVM flags for it |
      | `FORMATION_JAR` | `bin/formation` runs this jar and never builds |
      | `FORMATION_CDS` | `off`: `bin/formation` uses no class-data-sharing archive |
      """;

  static String reference() {
    StringBuilder md = new StringBuilder();
    md.append("# Command-line reference\n\n")
        .append(
            "Generated from the commands' own `--help` by `CliReferenceTest`; regenerate with\n")
        .append("`mvn -B test -Dtest=CliReferenceTest -D")
        .append(Golden.UPDATE_PROPERTY)
        .append("=true`.\n\n")
        .append(INTRO);
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
