package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.apply.AppResult;
import dev.formation.ops.ApplyOperation;
import dev.formation.ops.ConfigSource;
import dev.formation.ops.Host;
import dev.formation.ops.Listener;
import dev.formation.ops.PlanOperation;
import dev.formation.ops.Selection;
import dev.formation.ops.Settings;
import dev.formation.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform follows a window: apply with its clock inside the window scales the app to the
 * window's count, and with its clock after the window back to the type's own. The moment is
 * injected; nothing waits for a window to open.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalScheduleTest {
  static final Instant NIGHT = Instant.parse("2026-12-08T02:00:00Z");
  static final Instant MORNING = Instant.parse("2026-12-08T09:00:00Z");

  @TempDir Path home;
  Map<String, String> env;
  Long daemon;

  @BeforeEach
  void app() throws Exception {
    env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.resolve("fh").toString());
    env.put("FORMATION_LOCAL_GRACE", "2");
    env.remove("HEROKU_API_KEY");
    env.remove("HEROKU_HOST");
    env.remove("FORMATION_LOCAL_PORT");
    Path dir = Files.createDirectories(home.resolve("app"));
    Files.writeString(dir.resolve("Procfile"), "worker: sleep 1000\n");
    Files.writeString(
        home.resolve("formation.yaml"),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  batch-demo:",
            "    platform: local",
            "    local: {dir: ./app, port: " + LocalCommandTest.freePort() + "}",
            "    processes:",
            "      worker:",
            "        size: standard-1x",
            "        quantity: 1",
            "        schedule:",
            "          - {name: nightly-batch, days: daily, from: \"01:00\", to: \"04:00\","
                + " quantity: 3}",
            ""));
  }

  @AfterEach
  void stop() throws Exception {
    CliRunner.in(home, env, Environment.Terminal.NONE).exec("local", "stop");
    if (daemon != null
        && ProcessHandle.of(daemon).map(ProcessHandle::destroyForcibly).orElse(false)) {
      dev.formation.platform.local.daemon.LocalDaemon.start(
              dev.formation.platform.local.state.LocalSettings.fromEnv(env), 0)
          .close();
    }
  }

  private ApplyOperation.Result applyAt(Instant now) {
    ApplyOperation op = new ApplyOperation(host(), "test", Clock.fixed(now, ZoneOffset.UTC));
    try (ApplyOperation.Prepared p =
        op.prepare(
            new ApplyOperation.Request(source(), Selection.ALL, Settings.DEFAULT, null, true))) {
      assertThat(p.ok()).as("%s", p.diagnostics().sorted()).isTrue();
      return p.apply();
    }
  }

  private Host host() {
    return new Host(env, home, Listener.NONE);
  }

  private ConfigSource source() {
    return ConfigSource.onDisk(List.of(Path.of("formation.yaml")), home);
  }

  private int workers() throws Exception {
    JsonNode status =
        JsonMapper.builder()
            .build()
            .readTree(
                CliRunner.in(home, env, Environment.Terminal.NONE)
                    .exec("local", "status", "--format", "json")
                    .out());
    daemon = status.get("pid").asLong();
    return status
        .get("apps")
        .get(0)
        .get("formation")
        .valueStream()
        .filter(p -> p.get("type").asString().equals("worker"))
        .findFirst()
        .orElseThrow()
        .get("quantity")
        .asInt();
  }

  @Test
  void applyInsideTheWindow_runsItsCount_andAfterItTheTypesOwn() throws Exception {
    assertThat(applyAt(NIGHT).report().count(AppResult.Outcome.APPLIED)).isEqualTo(1);
    assertThat(workers()).isEqualTo(3);

    PlanOperation.Result again =
        new PlanOperation(host(), "test", Clock.fixed(NIGHT, ZoneOffset.UTC))
            .run(new PlanOperation.Request(source(), Selection.ALL, Settings.DEFAULT, null));
    assertThat(again.plan().hasChanges()).as("inside the window nothing is left").isFalse();

    applyAt(MORNING);
    assertThat(workers()).isEqualTo(1);
  }
}
