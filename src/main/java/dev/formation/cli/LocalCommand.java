package dev.formation.cli;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.platform.local.DaemonInfo;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LocalDaemon;
import dev.formation.platform.local.LocalProvider;
import dev.formation.platform.local.LocalSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code formation local}: the embedded local platform (start, stop, status, logs, forget, reset,
 * serve).
 */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = "Run the local platform: a small Heroku on this machine, no account needed.",
    subcommands = {
      LocalCommand.Start.class,
      LocalCommand.Stop.class,
      LocalStatusCommand.class,
      LocalLogsCommand.class,
      LocalForgetCommand.class,
      LocalResetCommand.class,
      LocalCommand.Serve.class
    })
public final class LocalCommand {
  /** What the background daemon runs: formation's own entry point, {@code local serve}. */
  static final String MAIN_CLASS = LocalProvider.MAIN_CLASS;

  @Spec CommandSpec spec;
  private final Map<String, String> env;

  /** In the root command's environment ({@code FORMATION_HOME}, timings, home folder). */
  public LocalCommand() {
    this.env = null;
  }

  /** With an explicit environment, when run on its own. */
  public LocalCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  LocalSettings settings() {
    if (env != null) {
      return LocalSettings.fromEnv(env);
    }
    Environment e = FormationCommand.environmentOf(spec);
    return LocalSettings.fromEnv(e.env(), e.home());
  }

  LocalClient client() {
    PrintWriter err = spec.commandLine().getErr();
    return new LocalClient(settings(), MAIN_CLASS, n -> err.println("warning: " + n));
  }

  /** Where a confirmation may be asked; none when run with an explicit environment. */
  Environment.Terminal terminal() {
    return env != null
        ? Environment.Terminal.NONE
        : FormationCommand.environmentOf(spec).terminal();
  }

  /** A command body; its I/O and bad-input failures become one clear line and exit 1. */
  interface Body {
    int run() throws IOException, InterruptedException;
  }

  static int guarded(CommandSpec spec, String context, Body body) {
    try {
      return body.run();
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      return error(spec, Code.FM150, context + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(spec, Code.FM150, context + "interrupted", null);
    }
  }

  /** Prints one diagnostic of a local command on stderr; the command then exits 1. */
  static int error(CommandSpec spec, Code code, String message, String hint) {
    Output.diagnostics(spec, new Diagnostics().error(code, message, null, hint), null);
    return ExitCode.ERROR;
  }

  static int port(Integer option, LocalSettings settings) {
    return option != null ? option : LocalProvider.apiPort(settings.env());
  }

  static String stoppedText(LocalClient.Stopped s) {
    String left =
        s.leftoverDynos() == 0
            ? ""
            : " Stopped "
                + s.leftoverDynos()
                + (s.leftoverDynos() == 1 ? " dyno" : " dynos")
                + " left running by a daemon that had died.";
    if (s.daemon()) {
      return "Stopped the local platform and all its dynos." + left;
    }
    return left.isEmpty() ? "Local platform is not running." : left.strip();
  }

  static void printReady(PrintWriter out, DaemonInfo info, String verb) {
    out.println("Local platform " + verb + " at " + info.url() + " (pid " + info.pid() + ")");
    out.println("Use it with the Heroku CLI:");
    out.println("  export HEROKU_HOST=" + info.url());
    out.println("  export HEROKU_API_KEY=$(cat " + info.tokenFile() + ")");
  }

  /** Starts the daemon in the background, or reports the one already running. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start the local platform daemon in the background (idempotent).")
  static final class Start implements Callable<Integer> {
    @ParentCommand LocalCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--port",
        description = "API port on 127.0.0.1 (default: a free one, or" + " $FORMATION_LOCAL_PORT).")
    Integer port;

    @Override
    public Integer call() {
      return guarded(
          spec,
          "cannot start the local platform: ",
          () -> {
            LocalClient client = parent.client();
            PrintWriter out = spec.commandLine().getOut();
            Optional<DaemonInfo> running = client.running();
            if (running.isPresent()) {
              printReady(out, running.get(), "already running");
            } else {
              java.nio.file.Path token = client.settings().tokenFile();
              boolean fresh =
                  !java.nio.file.Files.exists(token)
                      || java.nio.file.Files.readString(token).isBlank();
              DaemonInfo info = client.start(port(port, client.settings()));
              if (fresh) {
                // said, never shown: the token stays in its file
                out.println("Made a new API token in " + token + " (it was missing or empty).");
              }
              printReady(out, info, "running");
            }
            return ExitCode.OK;
          });
    }
  }

  /** Stops every dyno, then the daemon; also the dynos of a daemon that died. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stop every dyno, then the local platform daemon. Dynos left running by a daemon that"
              + " was killed are found by their recorded process groups and stopped too.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand LocalCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return guarded(
          spec,
          "",
          () -> {
            LocalClient.Stopped stopped = parent.client().stopEverything();
            spec.commandLine().getOut().println(stoppedText(stopped));
            return ExitCode.OK;
          });
    }
  }

  /** Runs the daemon in the foreground until it is told to stop. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run the local platform daemon in the foreground.")
  static final class Serve implements Callable<Integer> {
    @ParentCommand LocalCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--port", description = "API port on 127.0.0.1 (default: a free one).")
    Integer port;

    @Override
    public Integer call() {
      return guarded(spec, "local platform: ", this::serve);
    }

    private int serve() throws IOException, InterruptedException {
      LocalSettings settings = parent.settings();
      LocalDaemon daemon = LocalDaemon.start(settings, port(port, settings));
      Thread hook = new Thread(daemon::close, "local-platform-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Local platform serving at " + daemon.url() + "; state in " + settings.stateDir());
      out.flush();
      daemon.awaitClose();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook itself is closing the daemon
      }
      out.println("Local platform stopped.");
      return ExitCode.OK;
    }
  }
}
