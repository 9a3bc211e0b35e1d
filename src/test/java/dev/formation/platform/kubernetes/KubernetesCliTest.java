package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop a team runs, on a cluster: plan, apply, plan again, drift after a hand scale, import,
 * saved plans, against the fabric8 mock API (CRUD mode, loopback) through a kubeconfig.
 */
@Timeout(120)
class KubernetesCliTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop:
          platform: kubernetes
          kubernetes: {namespace: shop, p95_metric: http_p95_ms}
          processes:
            web: {size: performance-m, autoscale: {min: 2, max: 8, p95_ms: 500}}
            worker: {size: standard-2x, quantity: 3}
      """;

  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    Map<String, String> partOf = Map.of(KubernetesPlatform.PART_OF, "shop");
    cluster.seed("shop-web", "performance-m", 1, partOf);
    cluster.seed("shop-worker", "standard-1x", 1, partOf);
    cluster.seed("unrelated-api", "standard-1x", 4, Map.of());
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private CliRunner.Result run(String... args) {
    Map<String, String> env = new HashMap<>(cluster.env());
    env.put("HOME", dir.toString());
    return CliRunner.in(dir, env, Environment.Terminal.NONE).exec(args);
  }

  private int replicas(String name) {
    return cluster.deployment(name).getSpec().getReplicas();
  }

  @Test
  void planApplyPlan_setsWorkerAndCreatesWebsHpa_neverWritingWebsReplicas() {
    CliRunner.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("# app shop (kubernetes)")
        .contains("worker")
        .contains("Standard-1X (512 MiB, 0.25 CPU) ×1 → Standard-2X (1 GiB, 0.5 CPU) ×3")
        .contains("+ autoscale web")
        .contains("2..8, p95 500 ms (metric http_p95_ms)")
        .contains("Requested on Kubernetes (no prices):");
    assertThat(plan.out()).doesNotContain("unrelated");

    CliRunner.Result apply = run("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();

    Deployment worker = cluster.deployment("shop-worker");
    assertThat(worker.getSpec().getReplicas()).isEqualTo(3);
    var resources = worker.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    assertThat(Mapping.text(resources.getRequests().get("cpu"))).isEqualTo("500m");
    assertThat(Mapping.text(resources.getRequests().get("memory"))).isEqualTo("1Gi");
    assertThat(Mapping.text(resources.getLimits().get("memory"))).isEqualTo("1Gi");
    HorizontalPodAutoscaler hpa =
        cluster
            .admin
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace("shop")
            .withName("shop-web")
            .get();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("shop-web");
    // web's replicas are the HPA's: formation never wrote them (the mock has no HPA controller)
    assertThat(replicas("shop-web")).isEqualTo(1);
    assertThat(replicas("unrelated-api")).isEqualTo(4);
    assertThat(cluster.dispatcher.applies).allMatch(p -> p.contains("fieldManager=formation"));

    CliRunner.Result again = run("plan", "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes.");
  }

  @Test
  void drift_handScaledWorkerIsUnexpected_webInsideItsBandIsNot() {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    // the HPA moves web inside its band: not drift
    cluster.admin.apps().deployments().inNamespace("shop").withName("shop-web").scale(5);
    assertThat(run("drift").exitCode()).isZero();

    cluster
        .admin
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("shop-worker")
        .edit(
            d -> {
              d.getSpec().setReplicas(7);
              return d;
            });
    CliRunner.Result drift = run("drift");
    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out()).contains("`worker` runs 7 instead of 3").doesNotContain("`web`");
  }

  @Test
  void import_roundTripsToAPlanWithNoChanges() throws Exception {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();

    CliRunner.Result imported =
        run("import", "shop", "--platform", "kubernetes", "--namespace", "shop");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out())
        .contains("platform: kubernetes")
        .contains(
            "kubernetes: {context: \"test\", namespace: \"shop\", p95_metric: \"http_p95_ms\"}")
        .contains("autoscale: {min: 2, max: 8, p95_ms: 500}");
    Files.writeString(dir.resolve("formation.yaml"), imported.out());

    CliRunner.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
  }

  @Test
  void savedPlan_appliesExactly_andIsStaleOnceTheClusterMoved() throws Exception {
    CliRunner.Result saved = run("plan", "--out", "plan.json");
    assertThat(saved.exitCode()).as(saved.toString()).isZero();
    assertThat(Files.readString(dir.resolve("plan.json")))
        .contains("\"kubernetes\"")
        .contains("\"cluster\"")
        .doesNotContain(KubeHarness.TOKEN);

    cluster
        .admin
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("shop-worker")
        .edit(
            d -> {
              d.getSpec().setReplicas(2);
              return d;
            });
    CliRunner.Result stale = run("apply", "plan.json");
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err()).contains("stale");
    assertThat(replicas("shop-worker")).isEqualTo(2);

    assertThat(run("plan", "--out", "plan.json").exitCode()).isZero();
    CliRunner.Result apply = run("apply", "plan.json");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(replicas("shop-worker")).isEqualTo(3);
  }

  @Test
  void aMissingDeployment_isAnErrorForThatApp_andNoTokenIsPrinted() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"), CONFIG + "      clock: {size: standard-1x, quantity: 1}\n");
    CliRunner.Result plan = run("plan", "--debug");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.out()).contains("process type `clock`");
    assertThat(plan.err()).contains("kubernetes → GET");
    assertThat(List.of(plan.out(), plan.err())).noneMatch(s -> s.contains(KubeHarness.TOKEN));
  }
}
