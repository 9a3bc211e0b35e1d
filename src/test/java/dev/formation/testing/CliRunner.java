package dev.formation.testing;

import dev.formation.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Runs formation's real command line in-process, capturing what it prints. */
public final class CliRunner {
  private CliRunner() {}

  /** What one run of the command line produced. */
  public record Result(int exitCode, String out, String err) {}

  /** Runs {@code formation args...} without colour and returns its exit code and output. */
  public static Result run(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    cmd.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
