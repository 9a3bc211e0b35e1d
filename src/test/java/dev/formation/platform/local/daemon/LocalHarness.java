package dev.formation.platform.local.daemon;

import dev.formation.platform.local.DaemonLauncher;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.Sleeper;
import dev.formation.platform.local.daemon.http.HttpLimits;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.Token;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/** A real daemon in a temp state folder with short timings, and a client for its API. */
public final class LocalHarness implements AutoCloseable {
  static final String ACCEPT = "application/vnd.heroku+json; version=3";

  final Path home;
  final LocalSettings settings;
  final LocalClock clock;
  final HttpLimits limits;
  LocalDaemon daemon;
  final HttpClient http = HttpClient.newHttpClient();

  LocalHarness(Path home) throws IOException {
    this(home, 0);
  }

  LocalHarness(Path home, long memoryQuotaMb) throws IOException {
    this(home, memoryQuotaMb, null, HttpLimits.DEFAULT);
  }

  /** With the daemon's deadlines on {@code clock} (the real one when null) and these limits. */
  LocalHarness(Path home, long memoryQuotaMb, LocalClock clock, HttpLimits limits)
      throws IOException {
    this.home = home;
    this.clock = clock;
    this.limits = limits;
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.toString());
    // a daemon started from a shell that holds a real token must not hand it to the dynos
    env.put("HEROKU_API_KEY", "harness-secret-token");
    env.put("PORT", "1");
    this.settings =
        LocalSettings.fromEnv(env)
            .withTimings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(500))
            .withMemoryQuotaMb(memoryQuotaMb);
    this.daemon = startDaemon();
  }

  /** A launcher of the daemon in this harness's state folder, as the CLI makes one. */
  DaemonLauncher launcher(String mainClass) {
    return new DaemonLauncher(
        settings, mainClass, new LocalClient(settings.tokenFile()), n -> {}, Sleeper.THREAD);
  }

  private LocalDaemon startDaemon() throws IOException {
    return LocalDaemon.start(settings, 0, clock == null ? LocalClock.system() : clock, limits);
  }

  /** Closes the daemon and starts a new one over the same state folder. */
  void restart() throws IOException {
    daemon.close();
    daemon = startDaemon();
  }

  String token() throws IOException {
    return Token.read(settings.tokenFile());
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(method, path, body, "Bearer " + token(), ACCEPT);
  }

  HttpResponse<String> send(String method, String path, String body, String auth, String accept)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(daemon.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String method, String path, String body) throws Exception {
    HttpResponse<String> r = send(method, path, body);
    if (r.statusCode() >= 300) {
      throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return Json.MAPPER.readTree(r.body());
  }

  /** Makes an app folder with this Procfile and registers it. */
  Path app(String name, int routerPort, String procfile) throws Exception {
    Path dir = Files.createDirectories(home.resolve("apps-src").resolve(name));
    Files.writeString(dir.resolve("Procfile"), procfile);
    json(
        "PUT",
        "/apps/" + name,
        "{\"dir\":\"" + dir.toAbsolutePath() + "\",\"port\":" + routerPort + "}");
    return dir;
  }

  String log(String app) throws IOException {
    daemon.log(app).flush();
    Path f = AppLog.fileOf(settings.logsDir(), app);
    return Files.exists(f) ? Files.readString(f) : "";
  }

  public static void await(String what, Duration limit, BooleanSupplier condition)
      throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Whether the process runs; a zombie (finished, waiting to be reaped) does not. */
  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (daemon != null) {
      daemon.close();
    }
  }
}
