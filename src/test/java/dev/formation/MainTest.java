package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
  @TempDir Path dir;

  @Command(name = "boom")
  static final class Boom implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("the planner lost its way");
    }
  }

  @Command(name = "boom-debug")
  static final class BoomWithDebug implements Runnable {
    @picocli.CommandLine.Option(names = "--debug")
    boolean debug;

    @Override
    public void run() {
      throw new IllegalArgumentException("a record's invariant broke");
    }
  }

  private String err(String... args) {
    CommandLine cl = Main.commandLine(dir);
    cl.addSubcommand("boom", new Boom());
    cl.addSubcommand("boom-debug", new BoomWithDebug());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute(args)).as("exit code").isEqualTo(1);
    return err.toString();
  }

  @Test
  void exceptionFromInsideACommand_isABug_withWhereToReportIt_andExits1() {
    assertThat(err("boom"))
        .isEqualTo(
            "error: this is a bug in formation, not in your input\n"
                + "  java.lang.IllegalStateException: the planner lost its way\n"
                + "  Please report it at "
                + Main.ISSUES
                + " with the command you ran and the version (dev).\n"
                + "  To include the stack trace, run it again with FORMATION_STACKTRACE=1.\n");
  }

  @Test
  void exceptionFromACommandWithDebug_pointsToDebug_andDebugPrintsTheStackTrace() {
    assertThat(err("boom-debug"))
        .contains("this is a bug in formation")
        .contains("java.lang.IllegalArgumentException: a record's invariant broke")
        .contains("run it again with --debug.")
        .doesNotContain("\tat ");

    assertThat(err("boom-debug", "--debug"))
        .contains("this is a bug in formation")
        .contains("\tat dev.formation.MainTest$BoomWithDebug.run")
        .doesNotContain("run it again");
  }

  @Test
  void unknownOption_isACodedUsageError_exit1NotTheChangesCode_withDidYouMean() {
    CommandLine cl = Main.commandLine(dir);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));

    assertThat(cl.execute("validate", "--formt")).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "error[FM160]: Unknown option: '--formt'\n" + "  hint: did you mean --format?\n\n");
  }

  @Test
  void missingArgument_isACodedUsageError_pointingToHelp() {
    CommandLine cl = Main.commandLine(dir);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));

    assertThat(cl.execute("validate", "--ref")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error[FM160]: Missing required parameter for option '--ref'")
        .contains("hint: `formation validate --help` lists what it takes");
  }

  @Test
  void yamlFileWithoutDashF_isACodedUsageError_sayingToUseDashF() {
    CommandLine cl = Main.commandLine(dir);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));

    assertThat(cl.execute("plan", "shop.yaml")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error[FM160]: ")
        .contains("hint: a config file is read with -f: formation plan -f shop.yaml");
  }
}
