package dev.formation.platform.kubernetes;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.config.PlatformKind;
import dev.formation.platform.Target;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fabric8 mock Kubernetes API on 127.0.0.1 (CRUD mode, or expectations), a kubeconfig that
 * reaches it with a bearer token, and helpers that seed Deployments as a deploy pipeline would.
 */
final class KubeHarness implements AutoCloseable {
  /**
   * The app {@code shop} on the harness's cluster with the default Deployment template and size
   * map: at {@code context} and {@code namespace} ({@code null} for the kubeconfig's own), its
   * process types and their sizes as a config would give them.
   */
  static Target target(String context, String namespace, Map<String, String> types) {
    KubernetesPlacement d = KubernetesProvider.discovery(null, null);
    return new Target(
        "shop",
        PlatformKind.named("kubernetes"),
        new KubernetesPlacement(context, namespace, d.deployment(), null, null, d.sizes(), types));
  }

  /** {@code shop}'s web on Standard-1X in namespace {@code shop}, at {@code context}. */
  static Target web(String context) {
    return target(context, "shop", Map.of("web", "Standard-1X"));
  }

  static final String TOKEN = "t0ken-never-printed";
  static final String NAMESPACE = "shop";

  final KubernetesMockServer server;

  /** The CRUD dispatcher of a {@link #crud} harness, or {@code null}. */
  final ApplyPatchDispatcher dispatcher;

  final NamespacedKubernetesClient admin;
  final Path kubeconfig;

  /** The warnings the platforms of {@link #platform} printed. */
  final List<String> warnings = new CopyOnWriteArrayList<>();

  private KubeHarness(KubernetesMockServer server, ApplyPatchDispatcher dispatcher, Path dir)
      throws IOException {
    this.server = server;
    this.dispatcher = dispatcher;
    server.init(InetAddress.getByName("127.0.0.1"), 0);
    this.admin = server.createClient();
    this.kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, kubeconfig("token: " + TOKEN));
  }

  /** A server that stores what it is sent, as a small cluster would. */
  static KubeHarness crud(Path dir) throws IOException {
    ApplyPatchDispatcher dispatcher = new ApplyPatchDispatcher();
    return new KubeHarness(
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false),
        dispatcher,
        dir);
  }

  /** A server that answers only what the test expects. */
  static KubeHarness expectations(Path dir) throws IOException {
    return new KubeHarness(new KubernetesMockServer(false), null, dir);
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A kubeconfig with contexts {@code test} (current, namespace shop) and {@code other}. */
  String kubeconfig(String userLines) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        users:
        - name: user
          user:
            %s
        contexts:
        - name: test
          context: {cluster: mock, user: user, namespace: %s}
        - name: other
          context: {cluster: mock, user: user}
        current-context: test
        """
        .formatted(url(), userLines.replace("\n", "\n    "), NAMESPACE);
  }

  Map<String, String> env() {
    return Map.of("KUBECONFIG", kubeconfig.toString());
  }

  KubernetesPlatform platform() {
    return platform(false);
  }

  KubernetesPlatform platform(boolean force) {
    return new KubernetesPlatform(env(), kubeconfig.getParent(), force, null, warnings::add);
  }

  /** A platform whose exec plugins get {@code deadline} instead of {@link ExecPlugin#DEADLINE}. */
  KubernetesPlatform platform(Map<String, String> env, Duration deadline) {
    return new KubernetesPlatform(
        new KubeConfigs(env, kubeconfig.getParent(), null, warnings::add, deadline), false);
  }

  /** Creates a Deployment named {@code name}, its container {@code app} sized as {@code size}. */
  Deployment seed(String name, String size, int replicas, Map<String, String> labels) {
    Size s = Catalog.standard().find(size).orElseThrow();
    return seed(name, SizeMap.standard().get(s.name()), replicas, labels);
  }

  /** A Deployment whose container requests {@code r}, or nothing at all when it is null. */
  Deployment seed(String name, Resources r, int replicas, Map<String, String> labels) {
    Map<String, String> selector = Map.of("app", name);
    Map<String, String> all = new LinkedHashMap<>(selector);
    all.putAll(labels);
    Deployment d =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NAMESPACE)
            .withLabels(all)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .withMatchLabels(selector)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(selector)
            .endMetadata()
            .withNewSpec()
            .withContainers(
                new ContainerBuilder()
                    .withName("app")
                    .withImage("registry.example/" + name + ":1")
                    .withResources(r == null ? null : resources(r))
                    .build())
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    return admin.apps().deployments().inNamespace(NAMESPACE).resource(d).create();
  }

  private static ResourceRequirements resources(Resources r) {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(Resources.cpuQuantity(r.cpuMillis())))
        .addToRequests("memory", new Quantity(Resources.memoryQuantity(r.memoryBytes())))
        .addToLimits("memory", new Quantity(Resources.memoryQuantity(r.memoryBytes())))
        .build();
  }

  Deployment deployment(String name) {
    return admin.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  @Override
  public void close() {
    admin.close();
    server.destroy();
  }
}
