package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.Main;
import dev.formation.platform.local.DaemonLauncher;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.Sleeper;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.testing.CliRunner;
import dev.formation.testing.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalCommandTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path home;
  Map<String, String> env;
  final List<Long> daemonPids = new ArrayList<>();

  @BeforeEach
  void env() {
    env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.toString());
    env.put("FORMATION_LOCAL_GRACE", "2");
    env.remove("FORMATION_LOCAL_PORT");
  }

  @AfterEach
  void cleanUp() throws Exception {
    run("stop");
    // a daemon that failed to stop must not outlive the test, nor its dynos: a new daemon
    // over the same state reaps what the killed one left
    boolean killed = false;
    for (long pid : daemonPids) {
      killed |= ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
    }
    if (killed) {
      Thread.sleep(500);
      dev.formation.platform.local.daemon.LocalDaemon.start(LocalSettings.fromEnv(env), 0).close();
    }
  }

  @Test
  void local_isRegisteredInTheRootCommand() {
    assertThat(Main.commandLine().getSubcommands()).containsKey("local");
    assertThat(Main.commandLine().getSubcommands().get("local").getSubcommands())
        .containsKeys("start", "stop", "status", "logs", "forget", "reset", "serve");
  }

  @Test
  void status_whenStopped_saysSoInJson() throws Exception {
    CliRunner.Result r = run("status", "--format", "json");
    assertThat(r.exitCode()).isZero();
    JsonNode s = JSON.readTree(r.out());
    assertThat(s.get("running").asBoolean()).isFalse();
    assertThat(s.get("url").isNull()).isTrue();
    assertThat(s.get("token_file").asString()).endsWith("local/token");
  }

  @Test
  void start_status_stop_leavesNoProcessBehind() throws Exception {
    CliRunner.Result started = run("start");
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out())
        .contains("Local platform running at http://127.0.0.1:")
        .contains("HEROKU_HOST=http://127.0.0.1:")
        .doesNotContain(token());
    CliRunner.Result again = run("start");
    assertThat(again.out()).contains("already running");

    JsonNode status = JSON.readTree(run("status", "--format", "json").out());
    String url = status.get("url").asString();
    daemonPids.add(status.get("pid").asLong());
    Path app = Files.createDirectories(home.resolve("app"));
    Files.writeString(
        app.resolve("Procfile"), "worker: sh -c 'while true; do echo tick; sleep 1; done'\n");
    register(app, freePort());
    api(
        url,
        "PATCH",
        "/apps/demo/formation",
        "{\"updates\":[{\"type\":\"worker\",\"quantity\":2}]}");

    List<Long> pids = upPids(2);
    assertThat(pids).allMatch(LocalCommandTest::alive);
    assertThat(run("status").out()).contains("worker.1").contains("worker.2").contains(url);
    assertThat(awaitLogs("worker.1 | tick")).contains("worker.1 | tick");

    java.util.concurrent.CompletableFuture<CliRunner.Result> follow =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> run("logs", "demo", "-f"));
    // whether the follower attaches before or after the stop, it prints the log's last lines,
    // which end with the stop; the daemon's exit then ends it
    CliRunner.Result stopped = run("stop");
    assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    CliRunner.Result followed = follow.get(10, TimeUnit.SECONDS);
    assertThat(followed.exitCode()).isZero();
    assertThat(followed.out())
        .contains("worker.1 | tick")
        .contains("heroku[worker.2] | Stopping all processes with SIGTERM");
    assertThat(pids).noneMatch(LocalCommandTest::alive);
    assertThat(daemonPids).noneMatch(LocalCommandTest::alive);
    assertThat(home.resolve("local/daemon.json")).doesNotExist();
    assertThat(run("status").out()).contains("not running");
  }

  @Test
  void killedDaemon_itsDynosAreReapedAndRestoredByTheNextStart() throws Exception {
    assertThat(run("start").exitCode()).isZero();
    JsonNode status = JSON.readTree(run("status", "--format", "json").out());
    long daemon = status.get("pid").asLong();
    daemonPids.add(daemon);
    Path app = Files.createDirectories(home.resolve("app"));
    Files.writeString(app.resolve("Procfile"), "worker: trap '' TERM; sleep 1000\n");
    register(app, freePort());
    api(status.get("url").asString(), "PATCH", "/apps/demo/formation/worker", "{\"quantity\":2}");
    List<Long> before = upPids(2);

    ProcessHandle handle = ProcessHandle.of(daemon).orElseThrow();
    handle.destroyForcibly();
    handle.onExit().get(10, TimeUnit.SECONDS);
    assertThat(before).allMatch(LocalCommandTest::alive);

    CliRunner.Result restarted = run("start");
    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    daemonPids.add(JSON.readTree(run("status", "--format", "json").out()).get("pid").asLong());
    assertThat(before).noneMatch(LocalCommandTest::alive);
    List<Long> after = upPids(2);
    assertThat(after).doesNotContainAnyElementsOf(before).allMatch(LocalCommandTest::alive);
  }

  @Test
  void killedDaemon_statusListsItsDynos_andStopStopsEveryOne_byTheirRecordedGroups()
      throws Exception {
    List<Long> dynos = startWithWorkers(2);
    long daemon = JSON.readTree(run("status", "--format", "json").out()).get("pid").asLong();
    ProcessHandle handle = ProcessHandle.of(daemon).orElseThrow();
    handle.destroyForcibly();
    handle.onExit().get(10, TimeUnit.SECONDS);
    assertThat(dynos).allMatch(LocalCommandTest::alive);
    CliRunner.Result text = run("status");
    JsonNode json = JSON.readTree(run("status", "--format", "json").out());
    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .contains("Local platform is not running")
        .contains("2 dynos left running by a daemon that died:")
        .contains("demo worker.1  type worker  pid ")
        .contains("demo worker.2  type worker  pid ")
        .contains("Stop them with `formation local stop`");
    assertThat(text.err())
        .startsWith("warning[FM155]: 2 dynos of a local platform daemon that died still run: ")
        .contains("hint: `formation local stop` stops them");
    for (long pid : dynos) {
      assertThat(text.out() + text.err()).contains("pid " + pid);
    }
    assertThat(json.get("running").asBoolean()).isFalse();
    assertThat(json.get("orphans").findValuesAsString("type")).containsOnly("worker");
    List<Long> groups = new ArrayList<>();
    json.get("orphans").forEach(o -> groups.add(o.get("pgid").asLong()));
    assertThat(groups).containsExactlyInAnyOrderElementsOf(dynos);

    CliRunner.Result stopped = run("stop");

    assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    assertThat(stopped.out()).contains("Stopped 2 dynos left running by a daemon that had died.");
    assertThat(dynos).noneMatch(LocalCommandTest::alive);
    assertThat(run("stop").out()).contains("Local platform is not running.");
    CliRunner.Result after = run("status");
    assertThat(after.out()).doesNotContain("left running");
    assertThat(after.err()).doesNotContain("FM155");
  }

  @Test
  void corruptDaemonJson_doesNotHideTheDaemon_fromStatusNorStop() throws Exception {
    List<Long> dynos = startWithWorkers(1);
    long daemon = JSON.readTree(run("status", "--format", "json").out()).get("pid").asLong();
    Files.writeString(home.resolve("local/daemon.json"), "{\"url\": garbage");

    CliRunner.Result status = run("status", "--format", "json");

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(JSON.readTree(status.out()).get("running").asBoolean()).isTrue();
    assertThat(JSON.readTree(status.out()).get("pid").asLong()).isEqualTo(daemon);
    assertThat(status.err())
        .contains("daemon.json could not be read; set aside as daemon.json.corrupt-");
    Files.writeString(home.resolve("local/daemon.json"), "[]");
    CliRunner.Result stopped = run("stop");
    assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    assertThat(stopped.out()).contains("Stopped the local platform and all its dynos.");
    assertThat(dynos).noneMatch(LocalCommandTest::alive);
    assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void forget_stopsTheAppsDynos_andRemovesItAndItsLogs() throws Exception {
    List<Long> dynos = startWithWorkers(2);

    CliRunner.Result forgot = run("forget", "demo");

    assertThat(forgot.exitCode()).as(forgot.err()).isZero();
    assertThat(forgot.out()).contains("Forgot demo");
    assertThat(dynos).noneMatch(LocalCommandTest::alive);
    assertThat(JSON.readTree(run("status", "--format", "json").out()).get("apps")).isEmpty();
    assertThat(home.resolve("local/apps/demo.json")).doesNotExist();
    assertThat(home.resolve("local/logs/demo.log")).doesNotExist();
    CliRunner.Result again = run("forget", "demo");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("error[FM151]: no local app named demo\n");
  }

  @Test
  void reset_asksFirst_andWithYesStopsEverythingAndDeletesTheState() throws Exception {
    List<Long> dynos = startWithWorkers(1);
    CliRunner.Result refused = run("reset");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).startsWith("error[FM140]: ").contains("local reset --yes");
    assertThat(dynos).allMatch(LocalCommandTest::alive);

    CliRunner.Result reset = run("reset", "--yes");

    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(reset.out()).contains("Stopped the local platform").contains("Deleted ");
    assertThat(dynos).noneMatch(LocalCommandTest::alive);
    assertThat(home.resolve("local")).doesNotExist();
  }

  @Test
  void anEmptyTokenFile_startGetsANewToken_andSaysSo_withoutShowingIt() throws Exception {
    Files.createDirectories(home.resolve("local"));
    Files.writeString(home.resolve("local/token"), "");

    CliRunner.Result started = run("start");

    assertThat(started.exitCode()).as(started.err()).isZero();
    daemonPids.add(JSON.readTree(run("status", "--format", "json").out()).get("pid").asLong());
    assertThat(token()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(started.out())
        .contains("Made a new API token in " + home.resolve("local/token"))
        .doesNotContain(token());
  }

  @Test
  void status_answersWhileTwoHundredHalfOpenConnectionsHoldTheApi() throws Exception {
    startWithWorkers(0);
    int port =
        JSON.readTree(run("status", "--format", "json").out())
            .get("url")
            .asString()
            .replaceAll(".*:", "")
            .transform(Integer::parseInt);
    List<java.net.Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
        s.getOutputStream().write("GET /apps HTTP/1.1\r\n".getBytes());
        idle.add(s);
      }
      // the API test holds the 2 s bound; here: the CLI does not take it for a stopped daemon
      CliRunner.Result status = run("status", "--format", "json");
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(JSON.readTree(status.out()).get("running").asBoolean()).isTrue();
    } finally {
      for (java.net.Socket s : idle) {
        s.close();
      }
    }
  }

  /** Starts the daemon with app demo running {@code workers} workers; returns their pids. */
  private List<Long> startWithWorkers(int workers) throws Exception {
    assertThat(run("start").exitCode()).isZero();
    JsonNode status = JSON.readTree(run("status", "--format", "json").out());
    daemonPids.add(status.get("pid").asLong());
    Path app = Files.createDirectories(home.resolve("app"));
    Files.writeString(app.resolve("Procfile"), "worker: sleep 1000\n");
    register(app, 0);
    api(
        status.get("url").asString(),
        "PATCH",
        "/apps/demo/formation/worker",
        "{\"quantity\":" + workers + "}");
    return workers == 0 ? List.of() : upPids(workers);
  }

  /** Registers {@code app} as demo with the running daemon, through its API client. */
  private void register(Path app, int port) throws Exception {
    LocalSettings settings = LocalSettings.fromEnv(env);
    try (LocalClient client = new LocalClient(settings.tokenFile())) {
      DaemonInfo daemon =
          new DaemonLauncher(
                  settings,
                  dev.formation.platform.local.LocalProvider.MAIN_CLASS,
                  client,
                  n -> {},
                  Sleeper.THREAD)
              .running()
              .orElseThrow();
      client.register(daemon, "demo", app, port);
    }
  }

  private List<Long> upPids(int count) throws Exception {
    List<Long> pids = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (pids.size() < count && System.nanoTime() < end) {
      Thread.sleep(200);
      pids.clear();
      for (JsonNode d :
          JSON.readTree(run("status", "--format", "json").out()).get("apps").get(0).get("dynos")) {
        if (d.has("pid") && d.get("state").asString().equals("up")) {
          pids.add(d.get("pid").asLong());
        }
      }
    }
    assertThat(pids).hasSize(count);
    return pids;
  }

  @Test
  void badTimingVariable_isAClearErrorNotAStackTrace() {
    env.put("FORMATION_LOCAL_GRACE", "soon");
    CliRunner.Result r = run("status");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("error[FM150]: FORMATION_LOCAL_GRACE must be a number of seconds, not soon\n\n");
    env.put("FORMATION_LOCAL_GRACE", "2");
  }

  @Test
  void serve_onABusyPort_orABadPortVariable_isAClearError() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRunner.Result r = run("serve", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .startsWith(
              "error[FM150]: local platform: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
    env.put("FORMATION_LOCAL_PORT", "xyz");
    CliRunner.Result bad = run("start");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("FORMATION_LOCAL_PORT must be a port number, not xyz");
    env.remove("FORMATION_LOCAL_PORT");
  }

  @Test
  void logs_ofAnUnknownApp_isAClearError() {
    CliRunner.Result r = run("logs", "nope");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no logs for app nope");
  }

  /** The app's logs once they hold {@code line}, asked again until then (10 s at most). */
  private String awaitLogs(String line) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String out = run("logs", "demo").out();
    while (!out.contains(line) && System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(50);
      out = run("logs", "demo").out();
    }
    return out;
  }

  private CliRunner.Result run(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "local";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliRunner.in(home, env, Environment.Terminal.NONE).exec(full);
  }

  private String token() throws Exception {
    return Files.readString(home.resolve("local/token")).trim();
  }

  private void api(String url, String method, String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/vnd.heroku+json; version=3")
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
  }

  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static int freePort() {
    return Ports.free();
  }
}
