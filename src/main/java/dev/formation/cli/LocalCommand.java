package dev.formation.cli;

import dev.formation.diag.Diagnostics;
import dev.formation.platform.local.DaemonStopper;
import dev.formation.platform.local.ops.LocalOperation;
import dev.formation.platform.local.ops.LocalServeOperation;
import dev.formation.platform.local.state.DaemonInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code formation local}: the embedded local platform (start, stop, status, logs, forget, reset,
 * serve). Each subcommand runs a {@link LocalOperation} and renders its result.
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
  /** The operations, in the command's environment ({@code FORMATION_HOME}, timings, home). */
  static LocalOperation operation(CommandSpec spec) {
    return new LocalOperation(Output.host(spec));
  }

  /** Prints an operation's diagnostics on stderr; exit 1 when one is an error, else 0. */
  static int done(CommandSpec spec, Diagnostics diagnostics) {
    Output.diagnostics(spec, diagnostics, null);
    return diagnostics.hasErrors() ? ExitCode.ERROR : ExitCode.OK;
  }

  static String stoppedText(DaemonStopper.Stopped s) {
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
    @Spec CommandSpec spec;

    @Option(
        names = "--port",
        description = "API port on 127.0.0.1 (default: a free one, or" + " $FORMATION_LOCAL_PORT).")
    Integer port;

    @Override
    public Integer call() {
      LocalOperation.Started started = operation(spec).start(port);
      PrintWriter out = spec.commandLine().getOut();
      if (started.daemon() != null) {
        if (started.newToken()) {
          // said, never shown: the token stays in its file
          out.println(
              "Made a new API token in "
                  + started.daemon().tokenFile()
                  + " (it was missing or empty).");
        }
        printReady(out, started.daemon(), started.already() ? "already running" : "running");
      }
      return done(spec, started.diagnostics());
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
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      LocalOperation.Stopped stopped = operation(spec).stop();
      if (stopped.stopped() != null) {
        spec.commandLine().getOut().println(stoppedText(stopped.stopped()));
      }
      return done(spec, stopped.diagnostics());
    }
  }

  /** Runs the daemon in the foreground until it is told to stop. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run the local platform daemon in the foreground.")
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", description = "API port on 127.0.0.1 (default: a free one).")
    Integer port;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      LocalServeOperation.Served served =
          new LocalServeOperation(Output.host(spec))
              .run(
                  port,
                  s -> {
                    out.println(
                        "Local platform serving at " + s.url() + "; state in " + s.stateDir());
                    out.flush();
                  });
      if (!served.diagnostics().hasErrors()) {
        out.println("Local platform stopped.");
      }
      return done(spec, served.diagnostics());
    }
  }
}
