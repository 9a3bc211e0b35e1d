package dev.formation.platform.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fourth platform end to end, through the command line as a user runs it: a config of {@code
 * platform: memory} apps validates, plans, applies (after which a plan is empty), shows drift when
 * the platform moves, and imports back to a config that plans clean. Nothing of the core was
 * changed to make this pass.
 */
class MemoryPlatformCliTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop:
          platform: memory
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 4, p95_ms: 500}
            worker: {size: standard-2x, quantity: 2}
      """;

  @TempDir Path dir;
  private MemoryStore store;
  private CliRunner cli;

  @BeforeEach
  void seed() throws Exception {
    String name = "cli-" + UUID.randomUUID();
    store = MemoryStore.named(name);
    store.seed("shop", ordered("web", "Standard-1X", "worker", "Standard-1X"), counts(1, 1));
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
    cli = CliRunner.in(dir, Map.of(MemoryProvider.STORE, name), Environment.Terminal.NONE);
  }

  @Test
  void validate_acceptsAnInstalledPlatformTheSchemaFileDoesNotList() {
    CliRunner.Result r = cli.exec("validate");

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void planApplyPlan_convergesAndTheSecondPlanIsEmpty() {
    CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("shop")
        .contains("Performance-M")
        .contains("Plan: 1 to add, 2 to change, 0 to remove.");

    CliRunner.Result apply = cli.exec("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();

    CliRunner.Result again = cli.exec("plan", "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  @Test
  void savedPlan_appliesLater_andIsRefusedOnceThePlatformMoved() {
    assertThat(cli.exec("plan", "--out", "plan.json").exitCode()).isZero();
    assertThat(cli.exec("plan", "--out", "stale.json").exitCode()).isZero();

    CliRunner.Result apply = cli.exec("apply", "plan.json");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(cli.exec("plan", "--detailed-exitcode").exitCode()).isZero();

    CliRunner.Result stale = cli.exec("apply", "stale.json");
    assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(1);
    assertThat(stale.err()).contains("stale").contains("shop");
  }

  @Test
  void drift_afterThePlatformMoved_namesTheType() {
    assertThat(cli.exec("apply", "--auto-approve").exitCode()).isZero();
    store.seed("shop", ordered("web", "Performance-M", "worker", "Standard-2X"), counts(2, 5));

    CliRunner.Result r = cli.exec("drift");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.out()).contains("worker");
  }

  @Test
  void import_writesAConfigThatPlansClean() throws Exception {
    CliRunner.Result imported = cli.exec("import", "shop", "--platform", "memory");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).contains("platform: memory").contains("worker:");

    Files.writeString(dir.resolve("formation.yaml"), imported.out());
    CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
  }

  @Test
  void import_unknownApp_isACodedError() {
    CliRunner.Result r = cli.exec("import", "no-such-app", "--platform", "memory");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM120]: no-such-app: app `no-such-app` not found");
  }

  private static Map<String, String> ordered(String... typeSize) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < typeSize.length; i += 2) {
      m.put(typeSize[i], typeSize[i + 1]);
    }
    return m;
  }

  private static Map<String, Integer> counts(int web, int worker) {
    return Map.of("web", web, "worker", worker);
  }
}
