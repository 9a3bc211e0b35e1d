package dev.formation;

import dev.formation.cli.Environment;
import dev.formation.cli.ExitCode;
import dev.formation.cli.FormationCommand;
import dev.formation.cli.UsageErrorHandler;
import dev.formation.cli.VersionProvider;
import dev.formation.cli.render.TerminalWriter;
import dev.formation.platform.JdkHttpClients;
import dev.formation.startup.Startup;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Wiring only: builds the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Startup.headStart(args); // start-up tuning, all of it in dev.formation.startup
    Environment environment = Environment.system();
    CommandLine cl = commandLine(environment, args);
    // Decided once for every command: colour, and UTF-8 or (a terminal that cannot show it) ASCII.
    boolean colour = environment.colour();
    boolean ascii =
        TerminalWriter.asciiOnly(environment.env(), environment.terminal().interactive());
    cl.setColorScheme(Help.defaultColorScheme(colour ? Help.Ansi.ON : Help.Ansi.OFF));
    cl.setOut(writer(new FileOutputStream(FileDescriptor.out), colour, ascii));
    cl.setErr(writer(new FileOutputStream(FileDescriptor.err), colour, ascii));
    int code = cl.execute(args);
    // a JDK HTTP client's selector thread would hold the JVM's exit for 300 ms
    JdkHttpClients.releaseAll();
    System.exit(code);
  }

  /**
   * A stream for formation's output: UTF-8 whatever the locale (Java 17 would encode in the
   * locale's charset and print {@code →} as {@code ?}), through the {@link TerminalWriter} that
   * escapes what a terminal would act on. Tests wrap their captured output the same way.
   */
  public static PrintWriter writer(OutputStream stream, boolean colour, boolean ascii) {
    return writer(new OutputStreamWriter(stream, StandardCharsets.UTF_8), colour, ascii);
  }

  /** {@link #writer(OutputStream, boolean, boolean)} for a writer of characters. */
  public static PrintWriter writer(Writer out, boolean colour, boolean ascii) {
    return new PrintWriter(new TerminalWriter(new BufferedWriter(out), colour, ascii), true);
  }

  /** The configured command line, shared with tests so they run exactly what users run. */
  public static CommandLine commandLine() {
    return commandLine(Path.of("").toAbsolutePath());
  }

  /** The command line with relative paths resolved against {@code workingDir} (for tests). */
  public static CommandLine commandLine(Path workingDir) {
    return commandLine(Environment.system(workingDir));
  }

  /** The command line in an environment of the caller's making (tests: env, home, terminal). */
  public static CommandLine commandLine(Environment environment) {
    return build(environment, FormationCommand.SUBCOMMANDS, true);
  }

  /**
   * The command line for running {@code args}: when they name a subcommand, only that one is built
   * (picocli reads every command's annotations up front, a few hundred milliseconds for the whole
   * tree); for help, completion, {@code --version} or a mistyped command it is the whole tree, so
   * that what they print is the same.
   */
  public static CommandLine commandLine(Environment environment, String[] args) {
    String first = args.length == 0 ? "" : args[0];
    if (first.equals("--version") || first.equals("-V")) {
      return build(environment, List.of(), false);
    }
    return FormationCommand.subcommand(first)
        .filter(c -> c != CommandLine.HelpCommand.class)
        .map(c -> build(environment, List.of(c), false))
        .orElseGet(() -> commandLine(environment));
  }

  private static CommandLine build(
      Environment environment, List<Class<?>> subcommands, boolean completion) {
    CommandLine cl = new CommandLine(new FormationCommand(environment));
    for (Class<?> sub : subcommands) {
      cl.addSubcommand(sub);
    }
    if (completion) {
      cl.addSubcommand(completion());
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's usage-error code is 2, which formation reserves for "changes present".
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setExecutionExceptionHandler(Main::unexpected);
    return cl;
  }

  /** picocli's completion-script generator, renamed to {@code completion}. */
  private static CommandLine completion() {
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().name("completion").versionProvider(new VersionProvider());
    return completion;
  }

  /**
   * A bug, not a user error (those are diagnostics): one line instead of a stack trace, which
   * {@code FORMATION_STACKTRACE=1} brings back for a bug report.
   */
  private static int unexpected(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    cl.getErr().println("error: " + message);
    if (System.getenv("FORMATION_STACKTRACE") != null) {
      e.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return ExitCode.ERROR;
  }
}
