package dev.formation.cli;

import dev.formation.cli.render.Colors;
import dev.formation.cli.render.TextDiagnostics;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.Sources;
import dev.formation.ops.Host;
import dev.formation.ops.Listener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command does around its operation: the host it runs in, and the one place diagnostics
 * are printed on stderr (as the compiler-style text of {@link TextDiagnostics}). Diagnostics that
 * belong to an app of a plan or an apply are printed by the plan's or report's view instead, under
 * their app, by the same renderers.
 */
final class Output {
  private Output() {}

  /** The command's environment as an operation sees it, telling progress on stderr. */
  static Host host(CommandSpec spec) {
    Environment env = FormationCommand.environmentOf(spec);
    return new Host(env.env(), env.home(), listener(spec.commandLine().getErr()));
  }

  /** The wall clock in whole seconds, as reports and saved plans show it. */
  static Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1));
  }

  static Listener listener(PrintWriter err) {
    return new Listener() {
      @Override
      public void progress(String line) {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }

      @Override
      public void debug(String line) {
        progress("debug: " + line);
      }
    };
  }

  /** Prints every diagnostic, in file order, on stderr. */
  static void diagnostics(CommandSpec spec, Diagnostics diagnostics, Sources sources) {
    if (diagnostics.isEmpty()) {
      return;
    }
    Environment env = FormationCommand.environmentOf(spec);
    PrintWriter err = spec.commandLine().getErr();
    synchronized (err) {
      new TextDiagnostics(sources == null ? new Sources() : sources, Colors.when(env.colour()))
          .render(diagnostics.sorted(), err);
    }
  }

  /**
   * The line after a config's diagnostics when it is invalid: what was not done because of them. A
   * summary of the coded errors above it, not an error of its own.
   */
  static void invalidConfig(CommandSpec spec, String consequence) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("The configuration is invalid (the errors above); " + consequence + ".");
    err.flush();
  }
}
