package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
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
import tools.jackson.databind.ObjectMapper;

/**
 * A queue rule on a cluster becomes KEDA objects (docs/autoscaling.md, "Kubernetes: KEDA"): apply
 * writes the ScaledObject with the declared band and its TriggerAuthentication and never the
 * Deployment's replicas; a changed band is a plan diff; import reads them back into the rule.
 */
@Timeout(120)
class KedaCliTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop:
          platform: kubernetes
          kubernetes: {namespace: shop}
          processes:
            web: {size: standard-1x, quantity: 1}
            worker:
              size: standard-2x
              autoscale:
                min: %d
                max: 10
                queue:
                  redis:
                    url_env: REDIS_URL
                    secret: shop-redis/address
                    list: [queue:default, queue:mailers]
                  per_dyno: 50
                  scale_down_after: 10m
                  interval: 15s
            reports:
              size: standard-1x
              autoscale:
                min: 1
                max: 3
                queue:
                  postgres:
                    url_env: DATABASE_URL
                    secret: shop-db/url
                    query: SELECT count(*) FROM reports WHERE done_at IS NULL
                  per_dyno: 5
      """;

  private static final ResourceDefinitionContext SCALED_OBJECTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("keda.sh")
          .withVersion("v1alpha1")
          .withKind("ScaledObject")
          .withPlural("scaledobjects")
          .withNamespaced(true)
          .build();

  private static final ResourceDefinitionContext AUTHS =
      new ResourceDefinitionContext.Builder()
          .withGroup("keda.sh")
          .withVersion("v1alpha1")
          .withKind("TriggerAuthentication")
          .withPlural("triggerauthentications")
          .withNamespaced(true)
          .build();

  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    Map<String, String> partOf = Map.of(KubernetesPlatform.PART_OF, "shop");
    cluster.seed("shop-web", "standard-1x", 1, partOf);
    cluster.seed("shop-worker", "standard-2x", 0, partOf);
    cluster.seed("shop-reports", "standard-1x", 7, partOf);
    write(1);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private void write(int min) throws Exception {
    Files.writeString(dir.resolve("formation.yaml"), CONFIG.formatted(min));
  }

  private CliRunner.Result run(String... args) {
    Map<String, String> env = new HashMap<>(cluster.env());
    env.put("HOME", dir.toString());
    return CliRunner.in(dir, env, Environment.Terminal.NONE).exec(args);
  }

  private Map<String, Object> spec(ResourceDefinitionContext kind, String name) {
    GenericKubernetesResource r =
        cluster.admin.genericKubernetesResources(kind).inNamespace("shop").withName(name).get();
    assertThat(r).as(name).isNotNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
    return spec;
  }

  @Test
  void apply_writesTheScaledObjectsWithTheBand_andNeverTheReplicas() {
    CliRunner.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("autoscale worker (KEDA)")
        .contains(
            "1..10 on queue redis queue:default+queue:mailers (50/dyno), down after 10m, every 15s")
        .contains(
            "1..3 on queue postgres \"SELECT count(*) FROM reports WHERE done_at IS NULL\" (5/dyno),"
                + " down after 5m, every 30s");

    CliRunner.Result apply = run("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();

    Map<String, Object> worker = spec(SCALED_OBJECTS, "shop-worker");
    assertThat(worker.get("minReplicaCount")).isEqualTo(1);
    assertThat(worker.get("maxReplicaCount")).isEqualTo(10);
    assertThat(worker.get("pollingInterval")).isEqualTo(15);
    assertThat(worker.get("cooldownPeriod")).isEqualTo(600);
    assertThat(worker.toString())
        .contains("scaleTargetRef={apiVersion=apps/v1, kind=Deployment, name=shop-worker}")
        .contains("stabilizationWindowSeconds=600")
        .contains("formula=list0 + list1, target=50, metricType=AverageValue")
        .contains("listName=queue:default, listLength=50")
        .contains("listName=queue:mailers, listLength=50");
    assertThat(spec(AUTHS, "shop-worker-queue").toString())
        .contains("parameter=address, name=shop-redis, key=address")
        .contains("parameter=password, name=shop-redis, key=password");
    assertThat(spec(SCALED_OBJECTS, "shop-reports").toString())
        .contains("type=postgresql")
        .contains("query=SELECT count(*) FROM reports WHERE done_at IS NULL")
        .contains("targetQueryValue=5");
    assertThat(spec(AUTHS, "shop-reports-queue").toString())
        .contains("parameter=connection, name=shop-db, key=url");
    // KEDA's HPA owns the replicas: formation wrote none, not even to bring them into the band
    assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).isZero();
    assertThat(cluster.deployment("shop-reports").getSpec().getReplicas()).isEqualTo(7);
    assertThat(cluster.dispatcher.scales).isEmpty();
    assertThat(cluster.dispatcher.applies)
        .isNotEmpty()
        .allMatch(p -> p.contains("fieldManager=formation"))
        .noneMatch(p -> p.contains("/deployments/"));

    CliRunner.Result again = run("plan", "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes.");
    // the mock runs no KEDA: move the counts into the bands as its HPA would
    cluster.admin.apps().deployments().inNamespace("shop").withName("shop-worker").scale(4);
    cluster.admin.apps().deployments().inNamespace("shop").withName("shop-reports").scale(3);
    CliRunner.Result drift = run("drift");
    assertThat(drift.exitCode()).as(drift.toString()).isZero();
  }

  @Test
  void aChangedBand_isAPlanDiff_andDrift() throws Exception {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    write(3);

    CliRunner.Result plan = run("plan", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("autoscale worker (KEDA)")
        .contains(
            "1..10 on queue redis queue:default+queue:mailers (50/dyno), down after 10m, every 15s"
                + " → 3..10")
        .doesNotContain("autoscale reports");
    CliRunner.Result drift = run("drift");
    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out()).contains("the KEDA ScaledObject of `worker` was changed by hand");

    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    assertThat(spec(SCALED_OBJECTS, "shop-worker").get("minReplicaCount")).isEqualTo(3);
    assertThat(cluster.dispatcher.scales).isEmpty();
  }

  @Test
  void aQueueRuleDropped_deletesFormationsKedaObjects() throws Exception {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    Files.writeString(
        dir.resolve("formation.yaml"),
        CONFIG
            .formatted(1)
            .replaceAll("(?s)    reports:.*", "    reports: {size: standard-1x, quantity: 2}\n"));

    CliRunner.Result plan = run("plan");
    assertThat(plan.out()).contains("remove 1..3 on queue postgres");
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();

    var left = cluster.admin.genericKubernetesResources(SCALED_OBJECTS).inNamespace("shop").list();
    assertThat(left.getItems())
        .extracting(r -> r.getMetadata().getName())
        .containsExactly("shop-worker");
    assertThat(
            cluster
                .admin
                .genericKubernetesResources(AUTHS)
                .inNamespace("shop")
                .withName("shop-reports-queue")
                .get())
        .isNull();
    assertThat(cluster.deployment("shop-reports").getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void import_readsTheRulesBack_andTheFileValidatesAndPlansNoChange() throws Exception {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();

    CliRunner.Result imported = run("import", "shop", "--platform", "kubernetes");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out())
        .contains(
            "redis: {url_env: REDIS_URL, secret: \"shop-redis/address\", list:"
                + " [\"queue:default\", \"queue:mailers\"]}")
        .contains("scale_down_after: 10m")
        .contains("interval: 15s")
        .contains("per_dyno: 5");
    Files.writeString(dir.resolve("formation.yaml"), imported.out());

    assertThat(run("validate").exitCode()).isZero();
    CliRunner.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(List.of(plan.out())).allMatch(o -> o.contains("No changes."));
  }

  @Test
  void plan_json_followsThePlanSchema_withTheScalers() throws Exception {
    CliRunner.Result json = run("plan", "--format", "json");

    assertThat(json.exitCode()).as(json.toString()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(mapper.readTree(Files.readString(Path.of("schemas/plan.schema.json"))));
    assertThat(schema.validate(mapper.readTree(json.out()))).isEmpty();
    assertThat(json.out()).contains("\"operation\" : \"keda\"");
  }

  @Test
  void aSavedPlan_carriesTheScalers_andAppliesThemWithoutTheFile() throws Exception {
    CliRunner.Result plan = run("plan", "--out", "keda.plan");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    Files.delete(dir.resolve("formation.yaml"));

    CliRunner.Result apply = run("apply", "keda.plan", "--auto-approve");

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(spec(SCALED_OBJECTS, "shop-worker").get("maxReplicaCount")).isEqualTo(10);
    assertThat(spec(SCALED_OBJECTS, "shop-reports").get("maxReplicaCount")).isEqualTo(3);
    assertThat(cluster.dispatcher.scales).isEmpty();
  }

  @Test
  void aScheduleWindow_setsTheScaledObjectsBandInsideIt() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        CONFIG
            .formatted(1)
            .replace(
                "      reports:",
                "        schedule:\n"
                    + "          - {name: nights, days: mon-sun, from: \"20:00\","
                    + " to: \"23:00\", autoscale: {min: 4, max: 10}}\n"
                    + "      reports:"));

    CliRunner.Result inside = run("plan", "--at", "2026-12-07T21:00:00Z");
    CliRunner.Result outside = run("plan", "--at", "2026-12-07T09:00:00Z");

    assertThat(inside.exitCode()).as(inside.toString()).isZero();
    assertThat(inside.out()).contains("4..10 on queue redis queue:default+queue:mailers");
    assertThat(outside.out()).contains("1..10 on queue redis queue:default+queue:mailers");
  }
}
