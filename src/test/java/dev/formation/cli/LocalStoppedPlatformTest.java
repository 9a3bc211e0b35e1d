package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.state.DaemonLock;
import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read side of the local platform (issue 22): reading commands never start a stopped platform
 * and read the apps it recorded, saying it is not running; a router port another program holds is
 * the app's error in the plan, and apply refuses it before it changes anything.
 */
class LocalStoppedPlatformTest extends LocalAppFixture {
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
    // offline commands, which read no platform (outside a git work tree they fail): none starts it
    cli.exec("log", "-f", "a.yaml");
    cli.exec("diff", "-f", "a.yaml");

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
}
