package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.PlatformKind;
import dev.formation.live.LiveMonitor;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.Target;
import dev.formation.testing.PlatformContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform contract, run by the Kubernetes adapter against the fabric8 mock API server in CRUD
 * mode (loopback only): each process type is a Deployment {@code <app>-<type>}, web's autoscaler an
 * HPA with a Pods p95 metric.
 */
@Timeout(60)
class KubernetesPlatformContractTest extends PlatformContract {
  @TempDir Path dir;
  KubeHarness cluster;
  KubernetesPlatform platform;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    platform = cluster.platform();
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected Platform platform() {
    return platform;
  }

  @Override
  protected Target target(String app) {
    KubernetesPlacement defaults = KubernetesProvider.discovery(null, null);
    KubernetesPlacement withMetric =
        new KubernetesPlacement(
            null, null, defaults.deployment(), null, "http_p95_ms", defaults.sizes(), null);
    return new Target(app, PlatformKind.named("kubernetes"), withMetric);
  }

  @Override
  protected void seedApp(String name, Map<String, Seed> processes) {
    processes.forEach(
        (type, seed) ->
            cluster.seed(
                name + "-" + type,
                seed.size(),
                seed.quantity(),
                Map.of(KubernetesPlatform.PART_OF, name)));
  }

  @Override
  protected boolean notifySupported() {
    return false;
  }

  @Override
  protected LiveMonitor monitorAsWritten(String id, MonitorSettings s) {
    assertThat(id).isEqualTo("contract-monitor-web");
    return new LiveMonitor(id, true, s.min(), s.max(), s.p95Ms(), false, "pods:http_p95_ms");
  }

  /** Disabling deletes the HPA formation made. */
  @Override
  protected LiveMonitor monitorAfterDisable(LiveMonitor on) {
    return null;
  }
}
