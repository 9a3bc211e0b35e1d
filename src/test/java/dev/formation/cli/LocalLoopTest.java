package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.JsonSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** The whole loop on the local platform: plan and apply start it, register the app, scale it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalLoopTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
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
    Files.writeString(
        dir.resolve("Procfile"), "worker: sh -c 'while true; do echo tick; sleep 1; done'\n");
    config(2);
  }

  @AfterEach
  void stop() throws Exception {
    run("local", "stop");
    if (daemon != null
        && ProcessHandle.of(daemon).map(ProcessHandle::destroyForcibly).orElse(false)) {
      // a new daemon over the same state reaps the dynos the killed one left
      Thread.sleep(500);
      dev.formation.platform.local.daemon.LocalDaemon.start(
              dev.formation.platform.local.state.LocalSettings.fromEnv(env), 0)
          .close();
    }
  }

  @Test
  void applyOnLocal_startsThePlatform_registersTheApp_andRunsTheDynos() throws Exception {
    // the API port named by FORMATION_LOCAL_PORT, as `formation local start` would use it
    int apiPort = LocalCommandTest.freePort();
    env.put("FORMATION_LOCAL_PORT", String.valueOf(apiPort));
    CliRunner.Result applied = run("apply", "--auto-approve", "-f", "formation.yaml");
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.err()).contains("Starting the local platform");
    assertThat(status().get("url").asString()).isEqualTo("http://127.0.0.1:" + apiPort);
    assertThat(applied.out())
        .containsPattern("\\+ local app +register from .*/app, router port \\d+")
        .containsPattern("\\+ worker +0 → 2")
        .contains("done:     register with the local platform (new, from ")
        .contains("Apply complete: 1 applied");
    daemon = status().get("pid").asLong();
    assertThat(dynos()).isEqualTo(2);

    CliRunner.Result again = run("plan", "--detailed-exitcode", "-f", "formation.yaml");
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("No changes.");

    config(1);
    assertThat(run("apply", "--auto-approve", "-f", "formation.yaml").exitCode()).isZero();
    assertThat(status().get("apps").get(0).get("dynos")).hasSize(1);
  }

  @Test
  void plan_answersWhileTwoHundredHalfOpenConnectionsHoldTheApiAndTheRouter() throws Exception {
    Files.writeString(home.resolve("app/Procfile"), "web: sleep 1000\nworker: sleep 1000\n");
    Files.writeString(
        home.resolve("formation.yaml"),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  loop-demo:",
            "    platform: local",
            "    local: {dir: ./app, port: " + LocalCommandTest.freePort() + "}",
            "    processes:",
            "      web: {size: standard-1x, quantity: 0}",
            "      worker: {size: standard-1x, quantity: 1}",
            ""));
    assertThat(run("apply", "--auto-approve", "-f", "formation.yaml").exitCode()).isZero();
    JsonNode s = status();
    daemon = s.get("pid").asLong();
    int api = Integer.parseInt(s.get("url").asString().replaceAll(".*:", ""));
    int router = s.get("apps").get(0).get("router").get("port").asInt();
    List<java.net.Socket> idle = new java.util.ArrayList<>();
    try {
      for (int port : new int[] {api, router}) {
        for (int i = 0; i < 200; i++) {
          java.net.Socket c = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
          c.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
          idle.add(c);
        }
      }

      CliRunner.Result plan = run("plan", "--detailed-exitcode", "-f", "formation.yaml");

      assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
      assertThat(plan.err()).doesNotContain("Starting the local platform");
      assertThat(status().get("pid").asLong()).as("no second daemon").isEqualTo(daemon);
    } finally {
      for (java.net.Socket c : idle) {
        c.close();
      }
    }
  }

  @Test
  void autoscaleOnLocal_enablesThenDisablesTheMonitor_andPlansClean() throws Exception {
    Path dir = home.resolve("app");
    Files.writeString(dir.resolve("Procfile"), "web: sleep 1000\nworker: sleep 1000\n");
    String head =
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  loop-demo:",
            "    platform: local",
            "    local: {dir: ./app, port: " + LocalCommandTest.freePort() + "}",
            "    processes:",
            "      worker: {size: performance-m, quantity: 0}",
            "");
    Files.writeString(
        home.resolve("formation.yaml"),
        head + "      web: {size: performance-m, autoscale: {min: 2, max: 3, p95_ms: 300}}\n");
    CliRunner.Result on = run("apply", "--auto-approve", "-f", "formation.yaml");
    assertThat(on.exitCode()).as(on.out() + on.err()).isZero();
    assertThat(on.out()).contains("enable the web autoscaler");
    daemon = status().get("pid").asLong();
    JsonNode app = status().get("apps").get(0);
    assertThat(app.get("autoscale").get("min").asInt()).isEqualTo(2);
    assertThat(
            app.get("formation")
                .valueStream()
                .filter(p -> p.get("type").asString().equals("web"))
                .findFirst()
                .orElseThrow()
                .get("quantity")
                .asInt())
        .as("the autoscaler starts web at min")
        .isEqualTo(2);
    assertThat(run("plan", "--detailed-exitcode", "-f", "formation.yaml").exitCode()).isZero();

    Files.writeString(
        home.resolve("formation.yaml"), head + "      web: {size: performance-m, quantity: 2}\n");
    CliRunner.Result off = run("apply", "--auto-approve", "-f", "formation.yaml");
    assertThat(off.exitCode()).as(off.out() + off.err()).isZero();
    assertThat(status().get("apps").get(0).has("autoscale")).isFalse();
    CliRunner.Result clean = run("plan", "--detailed-exitcode", "-f", "formation.yaml");
    assertThat(clean.exitCode()).as(clean.out()).isZero();
  }

  private void config(int workers) throws Exception {
    Files.writeString(
        home.resolve("formation.yaml"),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  loop-demo:",
            "    platform: local",
            "    local: {dir: ./app, port: " + LocalCommandTest.freePort() + "}",
            "    processes:",
            "      worker: {size: standard-1x, quantity: " + workers + "}",
            ""));
  }

  private int dynos() throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    int up = 0;
    while (System.nanoTime() < end) {
      up = 0;
      for (JsonNode d : status().get("apps").get(0).get("dynos")) {
        up += d.get("state").asString().equals("up") && d.has("pid") ? 1 : 0;
      }
      if (up >= 2) {
        break;
      }
      Thread.sleep(200);
    }
    return up;
  }

  /** The running platform's status, checked against its schema each time it is read. */
  private JsonNode status() throws Exception {
    String json = run("local", "status", "--format", "json").out();
    assertThat(JsonSchemas.errors("local-status.schema.json", json)).as(json).isEmpty();
    assertThat(JsonSchemas.acceptsUnknownFields("local-status.schema.json", json, p -> false))
        .isEmpty();
    return JSON.readTree(json);
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(home, env, Environment.Terminal.NONE).exec(args);
  }
}
