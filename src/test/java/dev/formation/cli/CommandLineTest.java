package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.Main;
import dev.formation.testing.CliRunner;
import dev.formation.testing.CliRunner.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {
  @Test
  void version_printsNameAndVersion() {
    Result r = CliRunner.run("--version");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).isEqualTo("formation " + VersionProvider.version() + "\n");
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void help_onEveryCommand_printsUsageAndExitsZero(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");

    Result r = CliRunner.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    String command = String.join(" ", path);
    assertThat(r.out()).contains("Usage: formation" + (path.isEmpty() ? "" : " " + command) + " [");
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--no-such-option", "no-such-command", "sizes --no-such-option"})
  void usageError_exitsOneWithMessage_notPicocliTwo(String line) {
    Result r = CliRunner.run(line.split(" "));

    assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error[FM160]: ").contains("no-such");
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void runningOneCommand_buildsOnlyIt_andItsHelpIsTheWholeTreesHelp(List<String> path) {
    if (path.isEmpty() || path.get(0).equals("help") || path.get(0).equals("completion")) {
      return;
    }
    String[] args = path.toArray(String[]::new);
    CommandLine one = Main.commandLine(Environment.system(), args);
    CommandLine whole = Main.commandLine();

    assertThat(one.getSubcommands()).containsOnlyKeys(path.get(0));
    CommandLine a = one;
    CommandLine b = whole;
    for (String word : path) {
      a = a.getSubcommands().get(word);
      b = b.getSubcommands().get(word);
    }
    assertThat(a.getUsageMessage(CommandLine.Help.Ansi.OFF))
        .isEqualTo(b.getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  @Test
  void aConfigFileAsAnArgument_pointsAtDashF() {
    Result r = CliRunner.run("plan", "formation.yaml");

    assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(r.err())
        .contains("Unmatched argument")
        .contains("hint: a config file is read with -f: formation plan -f formation.yaml");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plan --parallelism 0",
        "apply --parallelism -1",
        "drift --parallelism 65",
        "log --max-count 0"
      })
  void optionValuesOutOfRange_areUsageErrors(String line) {
    Result r = CliRunner.run(line.split(" "));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.ERROR);
    assertThat(r.err())
        .startsWith("error[FM160]: ")
        .containsPattern("must be (between 1 and 64|at least 1)");
  }

  @Test
  void noCommand_printsTheUsageAndExits0() {
    Result r = CliRunner.run();

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Usage: formation [-hV] [COMMAND]").contains("plan");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionOption_onASubcommand_printsTheVersion() {
    for (List<String> command : List.of(List.of("plan"), List.of("local", "status"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.add("-V");
      Result r = CliRunner.run(args.toArray(String[]::new));

      assertThat(r.exitCode()).as("%s", args).isZero();
      assertThat(r.out()).as("%s", args).startsWith("formation ");
    }
  }

  @Test
  void everyCommand_findsTheSubcommands() {
    assertThat(everyCommand()).contains(List.of(), List.of("sizes"), List.of("completion"));
  }

  @Test
  void completion_version_isFormationsVersion() {
    assertThat(CliRunner.run("completion", "--version").out())
        .isEqualTo("formation " + VersionProvider.version() + "\n");
  }

  @Test
  void completion_printsBashScriptCoveringSubcommands() {
    Result r = CliRunner.run("completion");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("complete -F _complete_formation")
        .contains("sizes")
        .contains("--format");
  }

  static Stream<List<String>> everyCommand() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().name().equals(name)) { // aliases are the same command
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, into);
              }
            });
  }
}
