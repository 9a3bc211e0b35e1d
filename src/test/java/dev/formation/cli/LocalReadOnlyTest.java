package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.state.DaemonLock;
import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * plan, drift, import, validate and diff change nothing on the local platform, even for a config
 * that names a running app from another folder, on another port, with fewer process types or an
 * edited command: they show the registration difference as a change, and only apply carries it out.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalReadOnlyTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROCFILE = "web: exec sleep 600\nworker: exec sleep 601\n";

  @TempDir Path home;
  private CliRunner cli;
  private int port;

  @BeforeEach
  void applyTheApp() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.resolve("fh").toString());
    env.put("FORMATION_LOCAL_GRACE", "2");
    env.remove("HEROKU_API_KEY");
    env.remove("HEROKU_HOST");
    env.remove("FORMATION_LOCAL_PORT");
    cli = CliRunner.in(home, env, Environment.Terminal.NONE);
    port = LocalCommandTest.freePort();
    folder("a", PROCFILE);
    config("a.yaml", "a", port);
    CliRunner.Result applied = cli.exec("apply", "--auto-approve", "-f", "a.yaml");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    awaitPids(2);
  }

  @AfterEach
  void stop() {
    cli.exec("local", "stop");
  }

  @Test
  void planAndDrift_ofConflictingConfigs_leaveStateAndDynos_andShowTheRegistrationChange()
      throws Exception {
    int otherPort = LocalCommandTest.freePort();
    folder("b", PROCFILE);
    folder("c", "web: exec sleep 600\n");
    folder("d", "web: exec sleep 700\nworker: exec sleep 601\n");
    config("other-dir.yaml", "b", port);
    config("other-port.yaml", "a", otherPort);
    config("fewer-types.yaml", "c", port);
    config("edited-command.yaml", "d", port);
    Map<String, String> state = stateFiles();
    Map<String, Long> pids = pids();

    assertPlan("other-dir.yaml", "~ local dir", "./a → ./b");
    assertPlan("other-port.yaml", "~ router port", port + " → " + otherPort);
    assertPlan("fewer-types.yaml", "- process type worker", "not in the Procfile");
    assertPlan("edited-command.yaml", "~ command of web", "`exec sleep 600` → `exec sleep 700`");
    for (String file :
        new String[] {
          "other-dir.yaml", "other-port.yaml", "fewer-types.yaml", "edited-command.yaml"
        }) {
      CliRunner.Result drift = cli.exec("drift", "-f", file);
      assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
      assertThat(cli.exec("plan", "-f", file, "--app", "quickstart", "--format", "json").exitCode())
          .isZero();
      assertThat(cli.exec("validate", "-f", file).exitCode()).isZero();
    }
    assertThat(cli.exec("import", "quickstart", "--platform", "local").exitCode()).isZero();

    assertThat(stateFiles()).as("the daemon's state files").isEqualTo(state);
    assertThat(pids()).as("every dyno's pid").isEqualTo(pids);
    assertThat(listening(port)).as("the router still listens on %d", port).isTrue();
    assertThat(listening(otherPort)).as("no router on %d", otherPort).isFalse();
  }

  @Test
  void import_ofALocalApp_writesItsLocalBlock_andItsOutputPlansAsNoChanges() throws Exception {
    CliRunner.Result imported = cli.exec("import", "quickstart", "--platform", "local");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out())
        .contains("local: {dir: \"" + home.resolve("a") + "\", port: " + port + "}");
    Files.writeString(home.resolve("imported.yaml"), imported.out());

    CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode", "-f", "imported.yaml");

    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(cli.exec("import", "no-such-app", "--platform", "local").err())
        .contains("error[FM120]: no-such-app: the local platform has no app of that name");
  }

  @Test
  void apply_ofAConfigFromAnotherFolderAndPort_movesTheRegistration() throws Exception {
    int otherPort = LocalCommandTest.freePort();
    folder("b", "web: exec sleep 600\n");
    config("moved.yaml", "b", otherPort);

    CliRunner.Result applied = cli.exec("apply", "--auto-approve", "-f", "moved.yaml");

    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.out())
        .contains("folder " + home.resolve("a") + " → " + home.resolve("b"))
        .contains("router port " + port + " → " + otherPort)
        .contains("-worker");
    JsonNode app = status().get("apps").get(0);
    assertThat(app.get("dir").asString()).isEqualTo(home.resolve("b").toString());
    assertThat(listening(otherPort)).isTrue();
    CliRunner.Result again = cli.exec("plan", "--detailed-exitcode", "-f", "moved.yaml");
    assertThat(again.exitCode()).as(again.toString()).isZero();
  }

  @Test
  void applySavedPlan_afterTheProcfileChanged_registersNothing() throws Exception {
    folder("b", PROCFILE);
    config("moved.yaml", "b", port);
    CliRunner.Result saved = cli.exec("plan", "-f", "moved.yaml", "--out", "moved.json");
    assertThat(saved.exitCode()).as(saved.toString()).isZero();
    Files.writeString(home.resolve("b").resolve("Procfile"), "web: exec sleep 999\n");
    Map<String, String> state = stateFiles();

    CliRunner.Result applied = cli.exec("apply", "moved.json");

    assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(1);
    assertThat(applied.out()).contains("changed since the plan was made").contains("not done");
    assertThat(stateFiles()).isEqualTo(state);
  }

  @Test
  void firstPlan_ofANewLocalApp_showsItsRegistration_andRegistersNothing() throws Exception {
    folder("n", "web: exec sleep 600\n");
    int newPort = LocalCommandTest.freePort();
    Files.writeString(
        home.resolve("new.yaml"),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  brand-new:",
            "    platform: local",
            "    local: {dir: ./n, port: " + newPort + "}",
            "    processes:",
            "      web: {size: standard-1x, quantity: 1}",
            ""));
    Map<String, String> state = stateFiles();

    CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode", "-f", "new.yaml");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .containsPattern("\\+ local app +register from ./n, router port " + newPort)
        .contains("Plan: 2 to add");
    assertThat(stateFiles()).isEqualTo(state);
    assertThat(listening(newPort)).isFalse();
  }

  @Test
  void readCommands_ofAStoppedPlatform_startNothing_readTheRecordedApps_andSayItIsNotRunning()
      throws Exception {
    folder("b", PROCFILE);
    config("more.yaml", "a", port);
    Files.writeString(
        home.resolve("more.yaml"),
        Files.readString(home.resolve("more.yaml"))
            .replace("quantity: 1}\n      worker", "quantity: 3}\n      worker"));
    config("other-dir.yaml", "b", port);
    assertThat(cli.exec("local", "stop").exitCode()).isZero();
    Path stateDir = home.resolve("fh").resolve("local");
    Map<String, String> state = allFiles(stateDir);

    CliRunner.Result same = cli.exec("plan", "--detailed-exitcode", "-f", "a.yaml");
    CliRunner.Result more = cli.exec("plan", "--detailed-exitcode", "-f", "more.yaml");
    CliRunner.Result moved = cli.exec("plan", "--detailed-exitcode", "-f", "other-dir.yaml");
    CliRunner.Result json = cli.exec("plan", "-f", "a.yaml", "--format", "json");
    CliRunner.Result drift = cli.exec("drift", "-f", "other-dir.yaml");
    CliRunner.Result imported = cli.exec("import", "quickstart", "--platform", "local");
    CliRunner.Result validated = cli.exec("validate", "-f", "a.yaml");
    CliRunner.Result saved = cli.exec("plan", "-f", "more.yaml", "--out", "more-plan.json");
    CliRunner.Result shown = cli.exec("show", "more-plan.json");

    assertThat(same.exitCode()).as(same.toString()).isZero();
    assertThat(same.out()).contains("No changes");
    assertThat(same.err())
        .contains("warning[FM153]: the local platform is not running")
        .contains("`formation apply` starts it")
        .doesNotContain("Starting the local platform");
    assertThat(more.exitCode()).as(more.toString()).isEqualTo(2);
    assertThat(more.out()).contains("~ web  Standard-1X ×1 → Standard-1X ×3");
    assertThat(moved.exitCode()).as(moved.toString()).isEqualTo(2);
    assertThat(moved.out()).contains("~ local dir").contains("./a → ./b");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
    assertThat(drift.err()).contains("warning[FM153]");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out())
        .contains("local: {dir: \"" + home.resolve("a") + "\", port: " + port + "}");
    assertThat(validated.exitCode()).as(validated.toString()).isZero();
    assertThat(saved.exitCode()).as(saved.toString()).isZero();
    assertThat(shown.exitCode()).as(shown.toString()).isZero();
    assertThat(shown.out()).contains("Standard-1X ×1 → Standard-1X ×3");
    assertThat(DaemonLock.held(stateDir)).as("a daemon holds the state folder").isFalse();
    assertThat(daemonsOf(stateDir)).as("daemon processes of this state folder").isEmpty();
    assertThat(allFiles(stateDir)).as("the state folder, logs included").isEqualTo(state);
    assertThat(listening(port)).as("no router on %d", port).isFalse();
  }

  @Test
  void aRouterPortHeldByAnotherProgram_isThePlansError_andApplyRegistersNothing() throws Exception {
    folder("n", "web: exec sleep 600\n");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int busy = taken.getLocalPort();
      Files.writeString(
          home.resolve("busy.yaml"),
          String.join(
              "\n",
              "version: 1",
              "apps:",
              "  brand-new:",
              "    platform: local",
              "    local: {dir: ./n, port: " + busy + "}",
              "    processes:",
              "      web: {size: standard-1x, quantity: 1}",
              ""));
      config("moved-port.yaml", "a", busy);
      Map<String, String> state = stateFiles();
      String pid = "pid " + ProcessHandle.current().pid() + ":";

      CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode", "-f", "busy.yaml");
      CliRunner.Result applied = cli.exec("apply", "--auto-approve", "-f", "busy.yaml");
      CliRunner.Result move = cli.exec("apply", "--auto-approve", "-f", "moved-port.yaml");

      assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
      assertThat(plan.out())
          .contains("error[FM154]: brand-new: router port " + busy)
          .contains("in use by another program (" + pid)
          .contains("choose another `port:`")
          .doesNotContain("+ local app");
      for (CliRunner.Result r : List.of(applied, move)) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err())
            .contains("error[FM154]")
            .contains("router port " + busy)
            .contains(pid)
            .doesNotContainIgnoringCase("apply` again")
            .doesNotContainIgnoringCase("apply again");
      }
      assertThat(stateFiles()).as("nothing registered, nothing moved").isEqualTo(state);
      assertThat(status().get("apps")).hasSize(1);
      assertThat(status().get("apps").get(0).get("router").get("port").asInt()).isEqualTo(port);
    }
  }

  @Test
  void aRegisteredAppsPortTakenWhileThePlatformWasStopped_isThePlansError_stoppedAndStarted()
      throws Exception {
    assertThat(cli.exec("local", "stop").exitCode()).isZero();
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      String pid = "pid " + ProcessHandle.current().pid() + ":";
      Path apps = home.resolve("fh").resolve("local").resolve("apps");
      Map<String, String> recorded = allFiles(apps);

      CliRunner.Result stopped = cli.exec("plan", "-f", "a.yaml");
      CliRunner.Result applied = cli.exec("apply", "--auto-approve", "-f", "a.yaml");
      CliRunner.Result started = cli.exec("plan", "-f", "a.yaml");

      assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
      assertThat(stopped.out())
          .contains("error[FM154]: quickstart: router port " + port)
          .contains(pid);
      assertThat(stopped.err()).contains("warning[FM153]");
      // apply starts the platform (its router cannot bind), then refuses the app
      assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(1);
      assertThat(applied.out())
          .contains("error[FM154]: quickstart: router port " + port)
          .contains(pid);
      assertThat(started.exitCode()).as(started.toString()).isEqualTo(1);
      assertThat(started.out()).contains("error[FM154]").contains(pid);
      assertThat(started.err()).doesNotContain("FM153");
      assertThat(allFiles(apps)).as("the recorded app").isEqualTo(recorded);
    }
  }

  /** The pids of processes serving {@code local serve} on this state folder's home. */
  private List<Long> daemonsOf(Path stateDir) {
    String home = "FORMATION_HOME=" + stateDir.getParent();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(" local serve"))
        .filter(
            p -> {
              try {
                return Files.readString(Path.of("/proc", p.pid() + "", "environ")).contains(home);
              } catch (IOException | RuntimeException e) {
                return false;
              }
            })
        .map(ProcessHandle::pid)
        .toList();
  }

  /** Every file under {@code dir}, logs included: its bytes as text. */
  private static Map<String, String> allFiles(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.put(
            dir.relativize(f).toString(),
            Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  private void assertPlan(String file, String label, String detail) {
    CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode", "-f", file);
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).as(plan.toString()).contains(label).contains(detail);
  }

  private void folder(String name, String procfile) throws IOException {
    Path dir = Files.createDirectories(home.resolve(name));
    Files.writeString(dir.resolve("Procfile"), procfile);
  }

  /** A config of app {@code quickstart} that lists every type its folder's Procfile has. */
  private void config(String file, String dir, int routerPort) throws IOException {
    boolean worker = Files.readString(home.resolve(dir).resolve("Procfile")).contains("worker:");
    Files.writeString(
        home.resolve(file),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  quickstart:",
            "    platform: local",
            "    local: {dir: ./" + dir + ", port: " + routerPort + "}",
            "    processes:",
            "      web: {size: standard-1x, quantity: 1}",
            worker ? "      worker: {size: standard-1x, quantity: 1}\n" : ""));
  }

  /** Every file the daemon keeps, but its logs, by path: their bytes as text. */
  private Map<String, String> stateFiles() throws IOException {
    Path state = home.resolve("fh").resolve("local");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(state)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        String name = state.relativize(f).toString();
        if (!name.startsWith("logs") && !name.endsWith(".log")) {
          files.put(name, Files.readString(f));
        }
      }
    }
    return files;
  }

  private Map<String, Long> pids() throws Exception {
    Map<String, Long> pids = new TreeMap<>();
    for (JsonNode d : status().get("apps").get(0).get("dynos")) {
      if (d.has("pid")) {
        pids.put(d.get("name").asString(), d.get("pid").asLong());
      }
    }
    return pids;
  }

  private void awaitPids(int count) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (pids().size() < count && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(pids()).hasSize(count);
  }

  private JsonNode status() throws Exception {
    return JSON.readTree(cli.exec("local", "status", "--format", "json").out());
  }

  private static boolean listening(int port) {
    try {
      new Socket(InetAddress.getLoopbackAddress(), port).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
