package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * plan, drift, import, validate and diff change nothing on the local platform, even for a config
 * that names a running app from another folder, on another port, with fewer process types or an
 * edited command: they show the registration difference as a change, and only apply carries it out.
 */
class LocalReadOnlyTest extends LocalAppFixture {
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

  private void assertPlan(String file, String label, String detail) {
    CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode", "-f", file);
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).as(plan.toString()).contains(label).contains(detail);
  }
}
