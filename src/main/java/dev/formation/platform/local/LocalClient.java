package dev.formation.platform.local;

import dev.formation.platform.JdkHttpClients;
import dev.formation.platform.NoTls;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.DaemonLock;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.PidFiles;
import dev.formation.platform.local.state.ProcessGroup;
import dev.formation.platform.local.state.StateFiles;
import dev.formation.platform.local.state.Token;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the {@code formation local} commands do with the daemon: find it, start it in the
 * background, ask its status, stop it. Talks to it over its API like any client.
 */
public final class LocalClient implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(30);

  /**
   * The daemon's JVM: a capped heap (and direct memory, where Netty keeps its buffers), the serial
   * collector and small thread stacks; it stays under 256 MB resident through the router benchmark
   * (docs/reliability.md).
   */
  static final List<String> DAEMON_JVM =
      List.of(
          "-Xmx96m",
          "-XX:MaxDirectMemorySize=64m",
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-XX:MaxMetaspaceSize=96m",
          "-XX:ReservedCodeCacheSize=64m");

  private final LocalSettings settings;
  private final String mainClass;
  private final Consumer<String> notice;
  // the daemon is plain http on 127.0.0.1: no TLS to set up
  private final HttpClient http =
      JdkHttpClients.build(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(2))
              .sslContext(NoTls.context()));

  /**
   * @param mainClass the class whose {@code main} understands {@code local serve --port N}, run on
   *     this process's classpath when the daemon is started
   */
  public LocalClient(LocalSettings settings, String mainClass) {
    this(settings, mainClass, n -> {});
  }

  /**
   * @param notice hears of state files that could not be read and were set aside
   */
  public LocalClient(LocalSettings settings, String mainClass, Consumer<String> notice) {
    this.settings = settings;
    this.mainClass = mainClass;
    this.notice = notice;
  }

  /** Ends the client's HTTP connections (at the end of a command); it is not used afterwards. */
  @Override
  public void close() {
    JdkHttpClients.release(http);
  }

  public LocalSettings settings() {
    return settings;
  }

  /**
   * The running daemon: its {@code daemon.json} names a live process that answers. One that has
   * spent its request budget ({@code 429}) still runs: starting another would fail on its lock.
   */
  public Optional<DaemonInfo> running() {
    Optional<DaemonInfo> info = alive();
    if (info.isEmpty()) {
      return info;
    }
    try {
      int status = call("GET", info.get(), "/account").statusCode();
      return status == 200 || status == 429 ? info : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The daemon named by {@code daemon.json} while its process lives, asked nothing: for polling (as
   * {@code logs --follow} does) without spending the API's request budget.
   */
  public Optional<DaemonInfo> alive() {
    // only a process holding the state folder's lock is a daemon: a pid in daemon.json may have
    // been given to another process since that daemon died
    OptionalLong holder = DaemonLock.holder(settings.stateDir());
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    Optional<DaemonInfo> info;
    try {
      info = DaemonInfo.parse(settings.daemonFile());
    } catch (IOException corrupt) {
      info = Optional.empty();
      try {
        Path aside = StateFiles.setAside(settings.daemonFile(), Instant.now());
        notice.accept(
            settings.daemonFile() + " could not be read; set aside as " + aside.getFileName());
      } catch (IOException e) {
        notice.accept(settings.daemonFile() + " could not be read: " + e.getMessage());
      }
    }
    if (info.isPresent() && info.get().pid() == holder.getAsLong()) {
      return info;
    }
    // daemon.json lost or corrupt, or not yet written: the lock names the pid, api-port the port
    return recovered(holder.getAsLong());
  }

  private Optional<DaemonInfo> recovered(long pid) {
    try {
      int port =
          Integer.parseInt(Files.readString(settings.stateDir().resolve("api-port")).strip());
      DaemonInfo i =
          new DaemonInfo(
              "http://127.0.0.1:" + port, port, pid, settings.tokenFile().toString(), null);
      HttpResponse<String> r = call("GET", i, "/local/status");
      if (r.statusCode() == 200 && Json.MAPPER.readTree(r.body()).path("pid").asLong() == pid) {
        i.write(settings.daemonFile());
        return Optional.of(i);
      }
    } catch (IOException | RuntimeException e) {
      // still starting (it writes daemon.json once its API listens), or not answering
    }
    return Optional.empty();
  }

  /**
   * Starts {@code java -cp CLASSPATH MAIN_CLASS local serve} detached, with its output in {@code
   * daemon.log}, and waits until its API answers.
   */
  public DaemonInfo start(int port) throws IOException {
    StateFiles.ensureDir(settings.stateDir());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // absolute entries, because the daemon runs in the state folder, not in the caller's
    List<Path> entries =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(e -> Path.of(e).toAbsolutePath())
            .toList();
    String classpath =
        daemonClasspath(entries).stream()
            .map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator));
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(DAEMON_JVM);
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
    pb.environment().putAll(settings.env());
    pb.environment().put("FORMATION_HOME", settings.home().toString());
    Process p = pb.start();
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
      sleep(100);
    }
    p.destroy();
    throw new IOException(
        "the local platform daemon did not answer within "
            + START_LIMIT.toSeconds()
            + " s; see "
            + settings.daemonLog());
  }

  /**
   * The daemon's classpath. Run from formation's jar, the daemon gets a copy of it under the state
   * folder: a daemon outlives the command that started it, and {@code bin/formation} rebuilds
   * {@code target/formation.jar} when the sources change, which would pull classes the daemon has
   * not loaded yet (its shutdown among them) from under it. Copies of older jars are removed.
   */
  private List<Path> daemonClasspath(List<Path> entries) throws IOException {
    if (entries.size() != 1 || !entries.get(0).toString().endsWith(".jar")) {
      return entries; // a development classpath of folders (tests): used as it is
    }
    Path jar = entries.get(0);
    Path lib = settings.stateDir().resolve("lib");
    StateFiles.ensureDir(lib);
    String name =
        "formation-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + ".jar";
    Path copy = lib.resolve(name);
    if (!Files.exists(copy)) {
      Path tmp = Files.createTempFile(lib, ".formation-", ".jar.tmp");
      try {
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    try (var old = Files.list(lib)) {
      for (Path f : old.toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith("formation-") && n.endsWith(".jar") && !n.equals(name)) {
          // a daemon still running from it keeps its open file; the name goes
          Files.deleteIfExists(f);
        }
      }
    }
    return List.of(copy);
  }

  /** The running daemon, started in the background first if it is not running. */
  public DaemonInfo ensureRunning() throws IOException {
    Optional<DaemonInfo> info = running();
    return info.isPresent() ? info.get() : start(0);
  }

  /** The bearer token, for an API client such as the Heroku adapter. Never print it. */
  public String token() throws IOException {
    return Token.read(settings.tokenFile());
  }

  /**
   * Registers (or updates) a local app: {@code dir} holds its Procfile, {@code port} is its router
   * port. New process types start at 0 dynos; existing formations are kept.
   */
  public void register(DaemonInfo info, String app, Path dir, int port) throws IOException {
    String body =
        Json.MAPPER.writeValueAsString(
            Map.of("dir", dir.toAbsolutePath().normalize().toString(), "port", port));
    HttpResponse<String> r = call("PUT", info, "/apps/" + app, body);
    if (r.statusCode() != 200) {
      JsonNode error = Json.MAPPER.readTree(r.body());
      throw new IOException(
          "cannot register "
              + app
              + " with the local platform: "
              + error.path("message").asString(r.body()));
    }
  }

  /**
   * Where the daemon has {@code app} registered: its folder and router port, or empty when it does
   * not know the app. Reads only.
   */
  public Optional<Registered> registered(DaemonInfo info, String app) throws IOException {
    HttpResponse<String> r = call("GET", info, "/apps/" + app);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode body = r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
    JsonNode local = body == null ? null : body.get("local");
    if (local == null || !local.path("dir").isString() || !local.path("port").canConvertToInt()) {
      throw new IOException(
          "the local platform answered GET /apps/"
              + app
              + " with "
              + r.statusCode()
              + " and no registration");
    }
    return Optional.of(new Registered(local.get("dir").asString(), local.get("port").asInt()));
  }

  /** A local app's registration as the daemon reports it. */
  public record Registered(String dir, int port) {}

  /** What {@link #stopEverything()} found and did. */
  public record Stopped(boolean daemon, int leftoverDynos) {}

  /**
   * Stops the daemon if one holds the state folder (asked over its API, else SIGTERM and then
   * SIGKILL), then every dyno a pid file still names, verified against {@code /proc} so that a pid
   * reused since is never signalled: a daemon killed with SIGKILL leaves its dynos running.
   */
  public Stopped stopEverything() throws IOException {
    boolean daemon = false;
    Optional<DaemonInfo> info = alive();
    if (info.isPresent()) {
      stop(info.get());
      daemon = true;
    } else {
      OptionalLong holder = DaemonLock.holder(settings.stateDir());
      if (holder.isPresent()) {
        // holds the lock but does not answer (hung, or still starting): it goes anyway
        terminate(holder.getAsLong());
        daemon = true;
      }
    }
    int left =
        new PidFiles(settings.stateDir().resolve("run"))
            .stopAll(System::nanoTime, settings.grace(), notice);
    return new Stopped(daemon, left);
  }

  private void terminate(long pid) throws IOException {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty()) {
      return;
    }
    h.get().destroy();
    if (!waitGone(h.get(), settings.grace().plusSeconds(10))) {
      h.get().destroyForcibly();
      waitGone(h.get(), Duration.ofSeconds(10));
    }
  }

  private static boolean waitGone(ProcessHandle h, Duration limit) throws IOException {
    try {
      h.onExit().get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !h.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Forgets an app: the running daemon stops its dynos and removes its record and logs; with no
   * daemon running, the files are removed here. Returns false when there is no such app.
   */
  public boolean forget(String app) throws IOException {
    if (!app.matches("[a-z][a-z0-9-]{1,28}[a-z0-9]")) {
      throw new IllegalArgumentException("not an app name: " + app);
    }
    Optional<DaemonInfo> info = running();
    if (info.isPresent()) {
      HttpResponse<String> r = call("DELETE", info.get(), "/apps/" + app);
      if (r.statusCode() == 404) {
        return false;
      }
      if (r.statusCode() != 200) {
        throw new IOException(
            "the local platform answered "
                + r.statusCode()
                + ": "
                + Json.MAPPER.readTree(r.body()).path("message").asString(""));
      }
      return true;
    }
    Path record = settings.appsDir().resolve(app + ".json");
    boolean known = Files.deleteIfExists(record);
    Path log = settings.logFile(app);
    known |= Files.deleteIfExists(log);
    Files.deleteIfExists(log.resolveSibling(log.getFileName() + ".1"));
    return known;
  }

  /** Stops everything, then deletes the whole state folder (apps, logs, token, pid files). */
  public Stopped reset() throws IOException {
    Stopped stopped = stopEverything();
    Path dir = settings.stateDir();
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return stopped;
  }

  /** Asks the daemon to stop every dyno and exit, and waits until its process is gone. */
  public void stop(DaemonInfo info) throws IOException {
    try {
      call("POST", info, "/local/shutdown");
    } catch (IOException notAnswering) {
      terminate(info.pid());
      return;
    }
    Optional<ProcessHandle> h = ProcessHandle.of(info.pid());
    Duration limit = settings.grace().plusSeconds(30);
    long end = System.nanoTime() + limit.toNanos();
    while (h.isPresent() && h.get().isAlive()) {
      if (System.nanoTime() > end) {
        throw new IOException(
            "the local platform daemon (pid "
                + info.pid()
                + ") did not stop within "
                + limit.toSeconds()
                + " s");
      }
      sleep(100);
    }
  }

  /**
   * The status document as pretty JSON: the daemon's {@code GET /local/status} with {@code
   * "running": true}, or {@code "running": false, "url": null} when no daemon runs.
   */
  public String statusJson() throws IOException {
    Optional<DaemonInfo> info = running();
    ObjectNode status;
    if (info.isPresent()) {
      HttpResponse<String> r = call("GET", info.get(), "/local/status");
      if (r.statusCode() != 200) {
        throw new IOException("the local platform answered " + r.statusCode() + ": " + r.body());
      }
      status = (ObjectNode) Json.MAPPER.readTree(r.body());
    } else {
      status = Json.MAPPER.createObjectNode();
      status.putNull("url");
      status
          .put("token_file", settings.tokenFile().toString())
          .put("state_dir", settings.stateDir().toString());
      status.putArray("apps");
    }
    status.put("running", info.isPresent());
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(status) + "\n";
  }

  /** The log files of one app, or of every app when {@code app} is null, oldest first. */
  public List<Path> logFiles(String app) throws IOException {
    Path dir = settings.logsDir();
    if (app != null) {
      if (!app.matches("[a-z][a-z0-9-]{1,28}[a-z0-9]")) {
        throw new IllegalArgumentException("not an app name: " + app);
      }
      return List.of(settings.logFile(app));
    }
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
    }
  }

  private HttpResponse<String> call(String method, DaemonInfo info, String path)
      throws IOException {
    return call(method, info, path, null);
  }

  private HttpResponse<String> call(String method, DaemonInfo info, String path, String body)
      throws IOException {
    String token = Token.read(settings.tokenFile());
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(info.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Accept", "application/vnd.heroku+json; version=3")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
