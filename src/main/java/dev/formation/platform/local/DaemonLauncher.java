package dev.formation.platform.local;

import dev.formation.platform.local.state.DaemonEnvironment;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.DaemonLock;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.ProcessGroup;
import dev.formation.platform.local.state.StateFiles;
import dev.formation.platform.local.state.Token;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Finds the daemon and starts it: from the files a daemon leaves for its clients ({@code
 * daemon.json}, the pid in its lock, {@code api-port}), or as {@code java -cp CLASSPATH MAIN_CLASS
 * local serve} in the background. Stopping it is {@link DaemonStopper}'s.
 */
public final class DaemonLauncher {
  private static final Duration START_LIMIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * The daemon's JVM: a capped heap (and direct memory, where Netty keeps its buffers), the serial
   * collector and small thread stacks; it stays under 256 MB resident through the router benchmark
   * (docs/reliability.md). Netty's leak detector is off: it samples one buffer in 128 with a stack
   * trace of its own, a few per cent of the router's time; the tests, which run the same code in
   * their own JVM, keep it on.
   */
  static final List<String> DAEMON_JVM =
      List.of(
          "-Xmx96m",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:MaxDirectMemorySize=64m",
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-XX:MaxMetaspaceSize=96m",
          "-XX:ReservedCodeCacheSize=64m",
          "-Dio.netty.leakDetection.level=disabled");

  /**
   * The daemon's JVM flags: {@link #DAEMON_JVM}, and the engine's transport when the command that
   * starts the daemon was given one ({@code JAVA_OPTS=-Dformation.engine.transport=epoll}); a value
   * that is not a plain name is left out.
   */
  static List<String> jvmFlags(String transport) {
    if (transport == null || !transport.matches("[a-z_]{1,16}")) {
      return DAEMON_JVM;
    }
    List<String> flags = new ArrayList<>(DAEMON_JVM);
    flags.add("-Dformation.engine.transport=" + transport);
    return List.copyOf(flags);
  }

  private final LocalSettings settings;
  private final String mainClass;
  private final LocalClient client;
  private final DaemonLocator locator;
  private final Sleeper sleeper;

  /**
   * @param mainClass the class whose {@code main} understands {@code local serve --port N}, run on
   *     this process's classpath when the daemon is started
   * @param notice hears of state files that could not be read and were set aside
   */
  public DaemonLauncher(
      LocalSettings settings,
      String mainClass,
      LocalClient client,
      Consumer<String> notice,
      Sleeper sleeper) {
    this.settings = settings;
    this.mainClass = mainClass;
    this.client = client;
    this.locator = new DaemonLocator(settings, client, notice);
    this.sleeper = sleeper;
  }

  public LocalSettings settings() {
    return settings;
  }

  /** Where the daemon is found, asking it nothing but whether it is the one it says. */
  public DaemonLocator locator() {
    return locator;
  }

  /**
   * The running daemon: one holds the state folder and answers. One that has spent its request
   * budget ({@code 429}) still runs: starting another would fail on its lock.
   */
  public Optional<DaemonInfo> running() {
    Optional<DaemonInfo> info = locator.alive();
    return info.isPresent() && client.answers(info.get()) ? info : Optional.empty();
  }

  /** The running daemon, started in the background first if it is not running. */
  public DaemonInfo ensureRunning() throws IOException, InterruptedException {
    Optional<DaemonInfo> info = running();
    return info.isPresent() ? info.get() : start(0);
  }

  /**
   * Starts {@code java -cp CLASSPATH MAIN_CLASS local serve} detached, with its output in {@code
   * daemon.log}, and waits until its API answers.
   *
   * @param port the API port, or 0 for the one of the last run when free, else any
   */
  public DaemonInfo start(int port) throws IOException, InterruptedException {
    StateFiles.ensureDir(settings.stateDir());
    if (Files.exists(settings.tokenFile())) {
      Token.read(settings.tokenFile()); // a weak token is refused here, with how to make a new one
    }
    // made 0600 before the system would make it with the umask's mode
    StateFiles.touchPrivate(settings.daemonLog());
    Process p = command(port).start();
    long end = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < end) {
      Optional<DaemonInfo> info = running();
      if (info.isPresent() && (info.get().pid() == p.pid() || !p.isAlive())) {
        // ours, or one started at the same time that won the lock (two plans at once)
        return info.get();
      }
      if (!p.isAlive() && !DaemonLock.held(settings.stateDir())) {
        throw new IOException(
            "the local platform daemon exited with status "
                + p.exitValue()
                + "; see "
                + settings.daemonLog()
                + ":\n"
                + tail(settings.daemonLog(), 10));
      }
      sleeper.sleep(POLL);
    }
    p.destroy();
    throw new IOException(
        "the local platform daemon did not answer within "
            + START_LIMIT.toSeconds()
            + " s; see "
            + settings.daemonLog());
  }

  private ProcessBuilder command(int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // absolute entries, because the daemon runs in the state folder, not in the caller's
    List<Path> entries =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(e -> Path.of(e).toAbsolutePath())
            .toList();
    String classpath =
        DaemonJar.classpath(entries, settings.stateDir()).stream()
            .map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator));
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(jvmFlags(System.getProperty("formation.engine.transport")));
    cmd.addAll(
        List.of("-cp", classpath, mainClass, "local", "serve", "--port", String.valueOf(port)));
    if (ProcessGroup.SETSID) {
      cmd.add(0, "setsid");
    }
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(settings.stateDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.daemonLog().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().clear();
    // without the caller's credentials: any dyno can read its parent's /proc/PID/environ
    pb.environment().putAll(DaemonEnvironment.scrub(settings.env()));
    pb.environment().put("FORMATION_HOME", settings.home().toString());
    return pb;
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
