package dev.formation.platform.local.ops;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.ops.Host;
import dev.formation.platform.local.DaemonStopper;
import dev.formation.platform.local.Sleeper;
import dev.formation.platform.local.StatusDocument;
import dev.formation.platform.local.state.AppNames;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LogPage;
import dev.formation.platform.local.state.PidFiles;
import dev.formation.platform.local.state.WeakTokenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code formation local} operations: start, stop, status, logs, forget and reset. Each returns
 * what it found and did with its {@link Diagnostics}: a daemon that cannot be started, reached or
 * changed is {@code FM150}, an app it does not have {@code FM151}. They reach the daemon only
 * through its API and the token file; {@code local serve} is {@link LocalServeOperation}.
 */
public final class LocalOperation {
  private final Host host;
  private final Sleeper sleeper;

  public LocalOperation(Host host) {
    this(host, Sleeper.THREAD);
  }

  /** With how the launcher and the log tail wait between two looks. */
  public LocalOperation(Host host, Sleeper sleeper) {
    this.host = host;
    this.sleeper = sleeper;
  }

  /**
   * @param daemon the daemon running now, or null when it could not be started
   * @param already whether it was running before
   * @param newToken whether a new API token was made (the file was missing or empty)
   */
  public record Started(
      DaemonInfo daemon, boolean already, boolean newToken, Diagnostics diagnostics) {
    public Started {
      requireOutcome(daemon, diagnostics);
    }
  }

  /** Starts the daemon in the background, or finds the one already running. */
  public Started start(Integer port) {
    return run(
        "cannot start the local platform: ",
        p -> {
          Optional<DaemonInfo> running = p.launcher.running();
          if (running.isPresent()) {
            return new Started(running.get(), true, false, new Diagnostics());
          }
          int apiPort = LocalParts.port(port, p.settings);
          Path token = p.settings.tokenFile();
          boolean fresh = !Files.exists(token) || Files.readString(token).isBlank();
          return new Started(p.launcher.start(apiPort), false, fresh, new Diagnostics());
        },
        d -> new Started(null, false, false, d));
  }

  /**
   * @param stopped what was stopped, or null when stopping failed
   */
  public record Stopped(DaemonStopper.Stopped stopped, Diagnostics diagnostics) {
    public Stopped {
      requireOutcome(stopped, diagnostics);
    }
  }

  /** Stops every dyno, then the daemon; also the dynos of a daemon that died. */
  public Stopped stop() {
    return run(
        "",
        p -> new Stopped(p.stopper.stopEverything(), new Diagnostics()),
        d -> new Stopped(null, d));
  }

  /**
   * @param json the status document ({@link StatusDocument}), or null when it could not be had
   */
  public record Status(String json, Diagnostics diagnostics) {
    public Status {
      requireOutcome(json, diagnostics);
    }
  }

  /**
   * The daemon, its apps, their dynos and autoscaling; or that it is not running, with the dynos a
   * daemon that died left running ({@code FM155}: {@code local stop} stops them).
   */
  public Status status() {
    return run(
        "",
        p -> {
          Optional<DaemonInfo> running = p.launcher.running();
          List<PidFiles.Orphan> orphans =
              running.isPresent() || p.launcher.locator().held()
                  ? List.of()
                  : new PidFiles(p.settings.stateDir().resolve("run")).running();
          Diagnostics d = new Diagnostics();
          if (!orphans.isEmpty()) {
            d.warning(
                Code.FM155,
                orphans.size()
                    + (orphans.size() == 1 ? " dyno" : " dynos")
                    + " of a local platform daemon that died still "
                    + (orphans.size() == 1 ? "runs" : "run")
                    + ": "
                    + orphans.stream()
                        .map(o -> o.app() + " " + o.dyno() + " (pid " + o.pids().get(0) + ")")
                        .collect(Collectors.joining(", ")),
                null,
                "`formation local stop` stops them; `formation local start` (or `apply`) stops"
                    + " them and starts the recorded apps again");
          }
          return new Status(StatusDocument.json(running, p.client, p.settings, orphans), d);
        },
        d -> new Status(null, d));
  }

  /**
   * @param forgotten whether the app was known and is forgotten now
   */
  public record Forgot(boolean forgotten, Diagnostics diagnostics) {
    public Forgot {
      if (forgotten == diagnostics.hasErrors()) {
        throw new IllegalArgumentException("an app is forgotten exactly when nothing failed");
      }
    }
  }

  /** Stops an app's dynos and removes its formation, monitors and logs. */
  public Forgot forget(String app) {
    String context = "cannot forget " + app + ": ";
    if (!AppNames.valid(app)) {
      return new Forgot(false, failure(context + "not an app name: " + app));
    }
    return run(
        context,
        p -> {
          Optional<DaemonInfo> running = p.launcher.running();
          boolean known =
              running.isPresent() ? p.client.forget(running.get(), app) : p.stopped.forget(app);
          Diagnostics d = new Diagnostics();
          if (!known) {
            d.error(
                Code.FM151,
                "no local app named " + app,
                null,
                "`formation local status` lists the local apps");
          }
          return new Forgot(known, d);
        },
        d -> new Forgot(false, d));
  }

  /**
   * @param stopped what was stopped, or null when the reset failed
   * @param stateDir the state folder, deleted when {@code stopped} is not null
   */
  public record Reset(DaemonStopper.Stopped stopped, Path stateDir, Diagnostics diagnostics) {
    public Reset {
      requireOutcome(stopped, diagnostics);
      if ((stopped == null) != (stateDir == null)) {
        throw new IllegalArgumentException("a reset names the folder it deleted");
      }
    }
  }

  /** The state folder {@link #reset} deletes. */
  public Optional<Path> stateDir() {
    try {
      return Optional.of(LocalParts.settings(host).stateDir());
    } catch (LocalParts.BadSetting e) {
      return Optional.empty();
    }
  }

  /** Stops everything as {@link #stop} does, then deletes the whole state folder. */
  public Reset reset() {
    return run(
        "cannot reset the local platform: ",
        p -> {
          DaemonStopper.Stopped stopped = p.stopper.stopEverything();
          p.stopped.delete();
          return new Reset(stopped, p.settings.stateDir(), new Diagnostics());
        },
        d -> new Reset(null, null, d));
  }

  /** What {@link #logs} did: its diagnostics. */
  public record Logs(Diagnostics diagnostics) {
    public Logs {
      Objects.requireNonNull(diagnostics);
    }
  }

  /**
   * Hands one app's last {@code lines} log lines (or every app's) to {@code out}, and with {@code
   * follow} what the logs gain until the daemon stops.
   *
   * @param app one app, or null for every app
   */
  public Logs logs(String app, int lines, boolean follow, Consumer<LogPage> out) {
    if (app != null && !AppNames.valid(app)) {
      return new Logs(failure("not an app name: " + app));
    }
    if (lines < 0) {
      return new Logs(failure("--lines must be 0 or more, not " + lines));
    }
    return run(
        "",
        p -> {
          List<LogPage> first = p.tail.last(app, lines, out);
          if (app != null && first.isEmpty() && !follow) {
            return new Logs(
                new Diagnostics()
                    .error(
                        Code.FM151,
                        "no logs for app " + app,
                        null,
                        "is it registered with the local platform? `formation local status` lists"
                            + " the apps"));
          }
          if (follow) {
            p.tail.follow(app, out);
          }
          return new Logs(new Diagnostics());
        },
        Logs::new);
  }

  /** A result has its outcome ({@code value}) exactly when nothing failed. */
  private static void requireOutcome(Object value, Diagnostics diagnostics) {
    if ((value == null) != diagnostics.hasErrors()) {
      throw new IllegalArgumentException(
          "a local operation's result has its outcome exactly when nothing failed");
    }
  }

  /** A {@code local} operation's body, given the local platform's parts. */
  private interface Body<R> {
    R run(LocalParts parts) throws IOException, InterruptedException, LocalParts.BadSetting;
  }

  /**
   * Runs {@code body}; a failure is one {@code FM150} diagnostic, its message after {@code
   * context}.
   */
  private <R> R run(String context, Body<R> body, Function<Diagnostics, R> failed) {
    try (LocalParts parts = LocalParts.of(host, sleeper)) {
      return body.run(parts);
    } catch (WeakTokenException e) {
      return failed.apply(new Diagnostics().error(Code.FM152, e.getMessage(), null, null));
    } catch (LocalParts.BadSetting | IOException e) {
      return failed.apply(failure(context + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed.apply(failure(context + "interrupted"));
    }
  }

  private static Diagnostics failure(String message) {
    return new Diagnostics().error(Code.FM150, message, null, null);
  }
}
