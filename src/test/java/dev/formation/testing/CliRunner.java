package dev.formation.testing;

import dev.formation.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Runs formation's command line in-process, exactly as {@code Main} builds it, with captured stdout
 * and stderr and a working directory of the test's choosing.
 *
 * <pre>{@code
 * CliRunner.Result r = CliRunner.in(tempDir).run("validate", "--format", "json");
 * assertThat(r.exitCode()).isEqualTo(1);
 * }</pre>
 */
public final class CliRunner {
  private final Path workingDir;

  private CliRunner(Path workingDir) {
    this.workingDir = workingDir;
  }

  /**
   * A runner whose relative paths (such as the default {@code formation.yaml}) resolve in {@code
   * dir}.
   */
  public static CliRunner in(Path dir) {
    return new CliRunner(dir.toAbsolutePath());
  }

  public Result run(String... args) {
    CommandLine cl = Main.commandLine(workingDir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What one run produced. */
  public record Result(int exitCode, String out, String err) {
    /** Both streams, for assertion messages. */
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
