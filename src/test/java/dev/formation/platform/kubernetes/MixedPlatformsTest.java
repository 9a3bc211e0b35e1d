package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.Golden;
import dev.formation.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One formation.yaml with a Heroku app, a local app and a cluster app, planned and applied in one
 * run by the same commands; plan and drift of cluster apps as golden files.
 */
@Timeout(120)
class MixedPlatformsTest {
  @TempDir Path dir;
  private KubeHarness cluster;
  private FakeHeroku heroku;
  private CliRunner cli;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    Map<String, String> partOf = Map.of(KubernetesPlatform.PART_OF, "shop");
    cluster.seed("shop-web", "performance-m", 1, partOf);
    cluster.seed("shop-worker", "standard-1x", 1, partOf);
    heroku = FakeHeroku.start();
    heroku.addApp("billing", "cedar").process("web", "standard-1x", 1);
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("Procfile"), "worker: exec sleep 600\n");
    int port = Ports.free();
    Files.writeString(
        dir.resolve("formation.yaml"),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  billing:",
            "    processes:",
            "      web: {size: standard-1x, quantity: 2}",
            "  demo:",
            "    platform: local",
            "    local: {dir: ./app, port: " + port + "}",
            "    processes:",
            "      worker: {size: standard-1x, quantity: 1}",
            "  shop:",
            "    platform: kubernetes",
            "    kubernetes: {namespace: shop, p95_metric: http_p95_ms}",
            "    processes:",
            "      web: {size: performance-m, autoscale: {min: 2, max: 8, p95_ms: 500}}",
            "      worker: {size: standard-2x, quantity: 3}",
            ""));
    Map<String, String> env = new HashMap<>(cluster.env());
    env.putAll(heroku.env());
    env.put("HOME", dir.toString());
    env.put("FORMATION_HOME", dir.resolve("fh").toString());
    env.put("FORMATION_LOCAL_GRACE", "1");
    env.put("PATH", System.getenv("PATH"));
    cli = CliRunner.in(dir, env, Environment.Terminal.NONE);
  }

  @AfterEach
  void stop() {
    cli.exec("local", "stop");
    heroku.close();
    cluster.close();
  }

  @Test
  void oneFile_ofHerokuLocalAndKubernetesApps_plansAndAppliesInOneRun() {
    CliRunner.Result plan = cli.exec("plan", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("# app billing (heroku)")
        .contains("# app demo (local)")
        .contains("# app shop (kubernetes)");

    CliRunner.Result apply = cli.exec("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete: 3 applied");
    assertThat(heroku.app("billing").quantity("web")).isEqualTo(2);
    assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).isEqualTo(3);
    CliRunner.Result again = cli.exec("plan", "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
  }

  @Test
  void aClusterApp_followsItsWindow_andItsGuardrails_likeAHerokuApp() throws Exception {
    Files.writeString(
        dir.resolve("cluster.yaml"),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  shop:",
            "    platform: kubernetes",
            "    kubernetes: {namespace: shop, p95_metric: http_p95_ms}",
            "    guardrails: {max_scale_down_percent: 50, protect: [web]}",
            "    processes:",
            "      web: {size: performance-m, autoscale: {min: 2, max: 8, p95_ms: 500}}",
            "      worker:",
            "        size: standard-1x",
            "        quantity: 1",
            "        schedule:",
            "          - {name: nightly, days: daily, from: \"01:00\", to: \"04:00\", quantity: 4}",
            ""));

    CliRunner.Result night = cli.exec("plan", "-f", "cluster.yaml", "--at", "2026-12-07T02:00:00Z");
    CliRunner.Result day = cli.exec("plan", "-f", "cluster.yaml", "--at", "2026-12-07T12:00:00Z");

    assertThat(night.exitCode()).as(night.toString()).isZero();
    assertThat(night.out()).contains("window nightly").contains("1 → 4 × Standard-1X");
    assertThat(day.exitCode()).as(day.toString()).isZero();
    assertThat(day.out()).doesNotContain("→ 4 ×");
    Files.writeString(
        dir.resolve("cluster.yaml"),
        Files.readString(dir.resolve("cluster.yaml")).replace("quantity: 1", "quantity: 0"));
    CliRunner.Result guarded =
        cli.exec("plan", "-f", "cluster.yaml", "--at", "2026-12-07T12:00:00Z");
    assertThat(guarded.exitCode()).as(guarded.toString()).isEqualTo(1);
    assertThat(guarded.out() + guarded.err()).contains("max_scale_down_percent");
  }

  @Test
  void planAndDrift_ofAClusterApp_matchTheirGoldenFiles() {
    CliRunner.Result plan = cli.exec("plan", "--app", "shop");
    CliRunner.Result json = cli.exec("plan", "--app", "shop", "--format", "json");
    CliRunner.Result drift = cli.exec("drift", "--app", "shop");

    Golden.assertMatches("plan/kubernetes.txt", plan.out());
    Golden.assertMatches("plan/kubernetes.json", json.out());
    Golden.assertMatches(
        "drift/kubernetes.txt", drift.out().replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z", "<time>"));
  }
}
