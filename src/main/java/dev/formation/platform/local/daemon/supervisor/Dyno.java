package dev.formation.platform.local.daemon.supervisor;

import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.LocalClock;
import dev.formation.platform.local.state.DaemonEnvironment;
import dev.formation.platform.local.state.PidFiles;
import dev.formation.platform.local.state.ProcessGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One dyno: a real process {@code sh -c COMMAND} in its own process group, restarted with backoff
 * when it crashes and stopped with SIGTERM, then SIGKILL after a grace period.
 */
public final class Dyno {
  static final long MAX_BACKOFF_MS = 60_000;
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration FOLDER_RECHECK = Duration.ofSeconds(5);

  final String id = UUID.randomUUID().toString();
  final String app;
  final String type;
  final int index;
  final String command;
  final String size;
  final Instant createdAt;
  private final Path dir;
  private final LocalClock clock;

  /** What this dyno's processes carry in their environment, so a reaper can tell them. */
  private final String marker = UUID.randomUUID().toString().replace("-", "");

  /** Variables of the daemon's environment a dyno never sees (as on Heroku, they are not set). */
  static final java.util.List<String> NOT_INHERITED =
      java.util.List.of("HEROKU_API_KEY", "HEROKU_HOST", "PORT", "DYNO");

  private final Map<String, String> baseEnv;
  private final AppLog log;
  private final ScheduledExecutorService timer;
  private final PidFiles pidFiles;

  private volatile String state = "starting";
  private volatile String problem;
  private volatile Instant updatedAt;
  private volatile Process process;
  private volatile ProcessGroup group;
  private volatile int port;
  private volatile boolean stopped;
  private long startedAt;
  private long backoffMs = 1000;
  private int restarts;
  private LocalClock.Scheduled pending;

  Dyno(
      String app,
      String type,
      int index,
      String command,
      String size,
      Path dir,
      Map<String, String> env,
      AppLog log,
      ScheduledExecutorService timer,
      PidFiles pidFiles,
      LocalClock clock) {
    this.app = app;
    this.clock = clock;
    this.createdAt = clock.now();
    this.updatedAt = createdAt;
    this.pidFiles = pidFiles;
    this.type = type;
    this.index = index;
    this.command = command;
    this.size = size;
    this.dir = dir;
    this.baseEnv = env;
    this.log = log;
    this.timer = timer;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  public String command() {
    return command;
  }

  public String size() {
    return size;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String name() {
    return type + "." + index;
  }

  public String state() {
    return state;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public int port() {
    return port;
  }

  public synchronized int restarts() {
    return restarts;
  }

  /** Why the dyno cannot run (its app's folder is gone), or null. */
  public String problem() {
    return problem;
  }

  /** The leader's pid while a process runs, else -1. */
  public long pid() {
    Process p = process;
    return p != null && p.isAlive() ? p.pid() : -1;
  }

  public ProcessGroup group() {
    return group;
  }

  public boolean isWeb() {
    return "web".equals(type);
  }

  synchronized void start() {
    if (stopped) {
      return;
    }
    pending = null;
    if (!Files.isDirectory(dir)) {
      // a crash loop of "cannot run program" helps no one: wait, quietly, for the folder
      if (problem == null) {
        problem = "folder " + dir + " no longer exists";
        platform("Error: the app's " + problem + "; the dyno starts again once it exists");
      }
      setState("crashed");
      pending = clock.schedule(FOLDER_RECHECK, this::start);
      return;
    }
    problem = null;
    // the daemon's environment without credentials (a daemon run in the foreground has the
    // caller's), and without its own HEROKU_HOST or a stray PORT: they are not the app's
    Map<String, String> env = new HashMap<>(DaemonEnvironment.scrub(baseEnv));
    NOT_INHERITED.forEach(env::remove);
    env.putAll(DotEnv.read(dir));
    env.put("DYNO", name());
    env.put(PidFiles.MARKER_VARIABLE, marker);
    try {
      port = isWeb() ? freePort() : 0;
      if (isWeb()) {
        env.put("PORT", String.valueOf(port));
      }
      ProcessBuilder pb =
          ProcessGroup.SETSID
              ? new ProcessBuilder("setsid", "sh", "-c", command)
              : new ProcessBuilder("sh", "-c", command);
      pb.directory(dir.toFile()).redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(env);
      setState("starting");
      platform("Starting process with command `" + command + "`");
      Process p;
      if (OutputPipe.AVAILABLE) {
        OutputPipe out = OutputPipe.open(pidFiles.dir(), app + "." + name(), log, name());
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.file()));
        try {
          p = pb.start();
        } catch (IOException e) {
          out.abandon();
          throw e;
        }
      } else {
        p = pb.start();
        log.pump(p.getInputStream(), name());
      }
      p.getOutputStream().close();
      process = p;
      group = new ProcessGroup(p.toHandle());
      pidFiles.write(app, name(), p.pid(), marker);
      startedAt = clock.nanoTime();
      if (isWeb()) {
        timer.schedule(() -> checkUp(p), 100, TimeUnit.MILLISECONDS);
      } else {
        setState("up");
      }
      // last: for a process that has exited already, exited() runs right here, and its
      // "crashed" must not be overwritten by the "up" above
      p.onExit().thenAccept(this::exited);
    } catch (IOException e) {
      platform("Error starting process: " + e.getMessage());
      setState("crashed");
      scheduleRestart();
    }
  }

  /** Kills the dyno for using far too much memory; it restarts like any crashed dyno. */
  void killForMemory() {
    platform("Stopping process with SIGKILL");
    killGroup();
  }

  /** Stops the dyno for good: SIGTERM to its group, SIGKILL after {@code grace}. Blocks. */
  void stop(Duration grace) {
    ProcessGroup g;
    long deadline;
    synchronized (this) {
      stopped = true;
      if (pending != null) {
        pending.cancel();
      }
      g = group;
      if (g == null || g.members().isEmpty()) {
        setState("down");
        return;
      }
      // the grace runs from the SIGTERM, before anyone can read that it was sent
      deadline = clock.nanoTime() + grace.toNanos();
      platform("Stopping all processes with SIGTERM");
    }
    g.signal(false);
    if (!waitEmpty(g, clock, deadline)) {
      platform(
          "Error R12 (Exit timeout) -> At least one process failed to exit within "
              + grace.toSeconds()
              + " seconds of SIGTERM");
      platform("Stopping all processes with SIGKILL");
      g.signal(true);
      waitEmpty(g, clock, clock.nanoTime() + Duration.ofSeconds(5).toNanos());
    }
    Process p = process;
    if (p != null && g.members().isEmpty()) {
      pidFiles.delete(app, name(), p.pid());
    }
    setState("down");
  }

  private synchronized void exited(Process p) {
    if (p != process) {
      return;
    }
    platform("Process exited with status " + p.exitValue());
    if (stopped) {
      // stop() gives the rest of the group its grace period, then cleans up
      setState("down");
      return;
    }
    // a crash: whatever the leader left behind in its group goes with it
    if (group != null) {
      group.signal(true);
    }
    pidFiles.delete(app, name(), p.pid());
    setState("crashed");
    if (clock.nanoTime() - startedAt > TimeUnit.MILLISECONDS.toNanos(MAX_BACKOFF_MS)) {
      backoffMs = 1000;
    }
    scheduleRestart();
  }

  private void scheduleRestart() {
    long delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    restarts++;
    pending = clock.schedule(Duration.ofMillis(delay), this::start);
  }

  private void checkUp(Process p) {
    if (p != process || !p.isAlive() || !"starting".equals(state)) {
      return;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      synchronized (this) {
        if (p == process && "starting".equals(state)) {
          setState("up");
        }
      }
      return;
    } catch (IOException notYet) {
      // still booting
    }
    if (clock.nanoTime() - startedAt > BOOT_TIMEOUT.toNanos()) {
      platform(
          "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within "
              + BOOT_TIMEOUT.toSeconds()
              + " seconds of launch");
      killGroup();
      return;
    }
    timer.schedule(() -> checkUp(p), 100, TimeUnit.MILLISECONDS);
  }

  private void killGroup() {
    ProcessGroup g = group;
    if (g != null) {
      g.signal(true);
    }
  }

  private void setState(String next) {
    if (!next.equals(state)) {
      if (!"starting".equals(next) || !"starting".equals(state)) {
        platform("State changed from " + state + " to " + next);
      }
      state = next;
      updatedAt = clock.now();
    }
  }

  void platform(String message) {
    log.line("heroku[" + name() + "]", message);
  }

  /** Polls /proc until the group is empty or {@code clock} has passed {@code end}. */
  private static boolean waitEmpty(ProcessGroup g, LocalClock clock, long end) {
    while (!g.members().isEmpty()) {
      if (clock.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
