package dev.formation.testing;

import dev.formation.Main;
import dev.formation.cli.Environment;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Runs formation's command line in-process, exactly as {@code Main} builds it, with captured stdout
 * and stderr, no colour, and a working directory of the test's choosing.
 *
 * <pre>{@code
 * CliRunner.Result r = CliRunner.in(tempDir).exec("validate", "--format", "json");
 * assertThat(r.exitCode()).isEqualTo(1);
 * }</pre>
 */
public final class CliRunner {
  private final Environment environment;

  private CliRunner(Environment environment) {
    this.environment = environment;
  }

  /**
   * A runner whose relative paths (such as the default {@code formation.yaml}) resolve in {@code
   * dir}.
   */
  public static CliRunner in(Path dir) {
    return new CliRunner(Environment.system(dir.toAbsolutePath()));
  }

  /**
   * A runner in an environment of the test's making: only these variables, this home folder, and
   * this terminal (use {@link Environment.Terminal#NONE} for none).
   */
  public static CliRunner in(Path dir, Map<String, String> env, Environment.Terminal terminal) {
    return new CliRunner(new Environment(dir, env, dir, terminal));
  }

  /** Runs {@code formation args...} in the process's own working directory. */
  public static Result run(String... args) {
    return in(Path.of("")).exec(args);
  }

  /** Runs {@code formation args...} in this runner's working directory. */
  public Result exec(String... args) {
    CommandLine cl = Main.commandLine(environment, args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // As Main does: through the writer that escapes what a terminal would act on.
    cl.setOut(Main.writer(out, environment.colour(), false));
    cl.setErr(Main.writer(err, environment.colour(), false));
    cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
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
