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

  @Test
  void unexpectedException_printsOneLineAndExits1() {
    CommandLine cl = Main.commandLine(dir);
    cl.addSubcommand("boom", new Boom());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));

    int code = cl.execute("boom");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: the planner lost its way\n");
  }

  @Test
  void unknownOption_isExit1NotTheChangesCode() {
    CommandLine cl = Main.commandLine(dir);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));

    assertThat(cl.execute("validate", "--bogus")).isEqualTo(1);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
  }
}
