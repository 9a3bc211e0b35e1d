package dev.formation;

import dev.formation.cli.Environment;
import dev.formation.cli.ExitCode;
import dev.formation.cli.FormationCommand;
import dev.formation.cli.OutputCheck;
import dev.formation.cli.RecordingOutputStream;
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
    RecordingOutputStream stdout =
        new RecordingOutputStream(new FileOutputStream(FileDescriptor.out));
    cl.setOut(writer(stdout, colour, ascii));
    cl.setErr(writer(new FileOutputStream(FileDescriptor.err), colour, ascii));
    int code = OutputCheck.exitCode(cl, cl.execute(args), stdout::failure, colour);
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
    // `formation plan -V` prints the version like `formation -V`, not an empty line
    versionEverywhere(cl);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's usage-error code is 2, which formation reserves for "changes present".
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setExecutionExceptionHandler(Main::unexpected);
    return cl;
  }

  private static void versionEverywhere(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().versionProvider() == null) {
        sub.getCommandSpec().versionProvider(new VersionProvider());
      }
      versionEverywhere(sub);
    }
  }

  /** picocli's completion-script generator, renamed to {@code completion}. */
  private static CommandLine completion() {
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().name("completion").versionProvider(new VersionProvider());
    return completion;
  }

  /** Where a bug in formation is reported. */
  static final String ISSUES = "https://github.com/formation-dev/formation/issues";

  /**
   * The one place an unexpected exception is caught: every user error is a diagnostic, so what
   * arrives here is a bug. It says so, how to report it, and how to see the stack trace ({@code
   * --debug} where the command has it, {@code FORMATION_STACKTRACE=1} everywhere), which it prints
   * only then.
   */
  static int unexpected(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    String what = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    err.println(
        cl.getColorScheme().errorText("error: this is a bug in formation, not in your input"));
    err.println("  " + what);
    err.println(
        "  Please report it at "
            + ISSUES
            + " with the command you ran and the version ("
            + VersionProvider.version()
            + ").");
    CommandLine.Model.OptionSpec debug = parsed == null ? null : debugOption(parsed);
    if (System.getenv("FORMATION_STACKTRACE") != null
        || (debug != null && Boolean.TRUE.equals(debug.getValue()))) {
      e.printStackTrace(err);
    } else {
      err.println(
          "  To include the stack trace, run it again with "
              + (debug != null ? "--debug" : "FORMATION_STACKTRACE=1")
              + ".");
    }
    err.flush();
    return ExitCode.ERROR;
  }

  /** The {@code --debug} option of the command that ran, or null when it has none. */
  private static CommandLine.Model.OptionSpec debugOption(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    return last.commandSpec().findOption("--debug");
  }
}
