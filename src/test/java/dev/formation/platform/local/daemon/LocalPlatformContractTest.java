package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.plan.Fingerprint;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import dev.formation.platform.heroku.HerokuConfig;
import dev.formation.platform.heroku.HerokuPlatform;
import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LocalPlatform;
import dev.formation.platform.local.LocalRegistration;
import dev.formation.platform.local.StoppedPlatform;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.testing.PlatformContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform contract, run by the local adapter (the unchanged Heroku adapter plus registration)
 * against a real local platform daemon (loopback only): the same suite {@code
 * HerokuPlatformContractTest} runs against the fake Heroku.
 */
@Timeout(60)
class LocalPlatformContractTest extends PlatformContract {
  @TempDir Path home;
  LocalHarness local;
  LocalPlatform platform;

  @BeforeEach
  void start() throws Exception {
    local = new LocalHarness(home);
    HerokuConfig config =
        HerokuConfig.fromEnvironment(
            Map.of("HEROKU_API_KEY", local.token()), home, local.daemon.url(), "test");
    LocalClient client = new LocalClient(local.settings.tokenFile());
    DaemonInfo daemon = local.launcher("unused.Main").running().orElseThrow();
    platform = new LocalPlatform(new HerokuPlatform(config), client, daemon);
  }

  @Override
  protected Target target(String app) {
    return Target.named(app, PlatformKind.named("local"));
  }

  @Override
  protected void assertUnknownApp(String app) {
    try {
      assertThat(platform.read(target(app))).isEqualTo(LiveApp.unregistered(app));
    } catch (PlatformException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (local != null) {
      local.close();
    }
  }

  @Override
  protected Platform platform() {
    return platform;
  }

  /**
   * What {@code plan} reads while the daemon is stopped, the app as the daemon recorded it, is what
   * the running daemon serves: the same formation, commands, registration and monitor, so a plan
   * made either way is the same plan (and a saved one is not stale once apply starts the daemon).
   */
  @Test
  void theRecordedApp_readsAsTheRunningDaemonServesIt() throws Exception {
    seedApp(
        "recorded",
        Map.of("web", new Seed("performance-m", 2), "worker", new Seed("standard-2x", 1)));
    LiveApp served = platform.read(target("recorded"));
    platform.apply(
        target("recorded"), served, new Write.CreateMonitor(new MonitorSettings(2, 5, 700, true)));
    served = platform.read(target("recorded"));

    LiveApp recorded = new StoppedPlatform(local.settings).read("recorded");

    assertThat(served.monitor()).isNotNull();
    assertThat(recorded).isEqualTo(served);
    assertThat(Fingerprint.of(recorded)).isEqualTo(Fingerprint.of(served));
    assertThat(new StoppedPlatform(local.settings).read("never-registered"))
        .isEqualTo(LiveApp.unregistered("never-registered"));
  }

  /**
   * A router port taken between the plan and the write (the plan saw it free) is refused by the
   * adapter before it asks the daemon: FM154 naming the holder, nothing registered.
   */
  @Test
  void aSetupOnAPortTakenSinceThePlan_isRefusedBeforeAnythingIsRegistered() throws Exception {
    Path dir = java.nio.file.Files.createDirectories(home.resolve("late"));
    java.nio.file.Files.writeString(dir.resolve("Procfile"), "web: exec sleep 600\n");
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      LocalRegistration at =
          new LocalRegistration(dir, taken.getLocalPort(), Map.of("web", "exec sleep 600"));
      Target target = new Target("late-app", PlatformKind.named("local"), at);

      PlatformException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              PlatformException.class,
              () -> platform.apply(target, LiveApp.unregistered("late-app"), new Write.Setup(at)));

      assertThat(refused.code()).isEqualTo(dev.formation.diag.Code.FM154);
      // this daemon runs in the test's own JVM, so the holder is the platform's own process here;
      // LocalReadOnlyTest names another program's pid
      assertThat(refused.getMessage())
          .contains("router port " + taken.getLocalPort() + " on 127.0.0.1 is in use by")
          .contains("late-app cannot be registered on it");
      assertThat(refused.hint()).contains("choose another `port:`");
      assertThat(platform.read(target)).isEqualTo(LiveApp.unregistered("late-app"));
    }
  }

  /** Registers an app whose Procfile has these types (each a process that just waits). */
  @Override
  protected void seedApp(String name, Map<String, Seed> processes) throws Exception {
    StringBuilder procfile = new StringBuilder();
    List<String> updates = new ArrayList<>();
    processes.forEach(
        (type, seed) -> {
          procfile.append(type).append(": exec sleep 600\n");
          updates.add(
              "{\"type\":\""
                  + type
                  + "\",\"size\":\""
                  + seed.size()
                  + "\",\"quantity\":"
                  + seed.quantity()
                  + "}");
        });
    local.app(name, 0, procfile.toString());
    local.json(
        "PATCH",
        "/apps/" + name + "/formation",
        "{\"updates\":[" + String.join(",", updates) + "]}");
  }
}
