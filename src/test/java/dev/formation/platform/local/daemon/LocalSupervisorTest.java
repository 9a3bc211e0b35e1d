package dev.formation.platform.local.daemon;

import static dev.formation.platform.local.daemon.LocalHarness.alive;
import static dev.formation.platform.local.daemon.LocalHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.supervisor.Dyno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalSupervisorTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path home;
  LocalHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void patchFormation_startsRealProcessesWithDynoEnv() throws Exception {
    TinyApps.requirePython();
    h = new LocalHarness(home);
    Path dir =
        h.app(
            "demo",
            0,
            "web: python3 -m http.server $PORT --bind 127.0.0.1\nworker: "
                + TinyApps.TICKER
                + "\n");
    Files.writeString(dir.resolve(".env"), "GREETING=hello\n");
    h.json(
        "PATCH",
        "/apps/demo/formation",
        "{\"updates\":[{\"type\":\"web\",\"quantity\":1},"
            + "{\"type\":\"worker\",\"quantity\":2}]}");
    await(
        "three dynos up",
        WAIT,
        () -> states("demo").equals(Map.of("web.1", "up", "worker.1", "up", "worker.2", "up")));
    for (Dyno d : dynos("demo")) {
      assertThat(alive(d.pid())).as(d.name()).isTrue();
      String env = Files.readString(Path.of("/proc/" + d.pid() + "/environ")).replace('\0', '\n');
      assertThat(env).contains("DYNO=" + d.name()).contains("GREETING=hello");
      assertThat(env).doesNotContain("harness-secret-token").doesNotContain("\nPORT=1\n");
      if (d.isWeb()) {
        assertThat(env).contains("PORT=" + d.port());
      } else {
        assertThat(env).doesNotContain("PORT=");
      }
    }
    JsonNode api = h.json("GET", "/apps/demo/dynos", null);
    assertThat(api).hasSize(3);
    assertThat(api.get(0).get("name").asString()).isEqualTo("web.1");
    assertThat(api.get(0).get("size").asString()).isEqualTo("Standard-1X");
    await("worker output in the log", WAIT, () -> log().contains("worker.2 | tick"));
  }

  @Test
  void scaleDown_killsExactlyTheExtraDynos() throws Exception {
    h = new LocalHarness(home);
    h.app("demo", 0, "worker: " + TinyApps.TICKER + "\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":3}");
    await(
        "three workers",
        WAIT,
        () ->
            states("demo").size() == 3 && states("demo").values().stream().allMatch("up"::equals));
    await(
        "every worker has its sleep child",
        WAIT,
        () -> dynos("demo").stream().allMatch(d -> d.group().members().size() >= 2));
    Map<String, List<Long>> pids =
        dynos("demo").stream()
            .collect(
                Collectors.toMap(
                    Dyno::name,
                    d -> d.group().members().stream().map(ProcessHandle::pid).toList()));

    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");

    await(
        "worker.2 and worker.3 gone",
        WAIT,
        () ->
            pids.get("worker.2").stream().noneMatch(LocalHarness::alive)
                && pids.get("worker.3").stream().noneMatch(LocalHarness::alive));
    assertThat(states("demo")).containsOnlyKeys("worker.1");
    assertThat(alive(pids.get("worker.1").get(0))).isTrue();
    assertThat(log()).contains("heroku[worker.3] | Stopping all processes with SIGTERM");
  }

  @Test
  void psRestart_replacesOnlyTheNamedDyno() throws Exception {
    h = new LocalHarness(home);
    h.app("demo", 0, "worker: " + TinyApps.TICKER + "\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":2}");
    await(
        "two workers",
        WAIT,
        () -> dynos("demo").stream().allMatch(d -> d.pid() > 0) && dynos("demo").size() == 2);
    long first = dynos("demo").get(0).pid();
    long second = dynos("demo").get(1).pid();
    h.json("DELETE", "/apps/demo/dynos/worker.2", null);
    await(
        "worker.2 replaced",
        WAIT,
        () -> !alive(second) && dynos("demo").size() == 2 && dynos("demo").get(1).pid() > 0);
    assertThat(dynos("demo").get(0).pid()).isEqualTo(first);
  }

  @Test
  void scaleDown_givesTheWholeGroupItsGrace_evenAfterTheLeaderExits() throws Exception {
    h = new LocalHarness(home);
    h.app(
        "demo",
        0,
        "worker: (trap 'sleep 1; echo cleanup done; exit 0' TERM; echo trap set;"
            + " while true; do sleep 0.2; done) & wait\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");
    await("the subshell's trap", WAIT, () -> log().contains("worker.1 | trap set"));
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":0}");
    try {
      await("the subshell's cleanup", WAIT, () -> log().contains("worker.1 | cleanup done"));
    } catch (AssertionError e) {
      System.out.println("DEBUGLOG\n" + log());
      throw e;
    }
    assertThat(log()).doesNotContain("R12");
  }

  @Test
  void logSession_streamsHerokuFormattedLines_once_withoutTheToken() throws Exception {
    h = new LocalHarness(home);
    h.app("demo", 0, "worker: " + TinyApps.TICKER + "\nclock: sleep 1000\n");
    h.json(
        "PATCH",
        "/apps/demo/formation",
        "{\"updates\":[{\"type\":\"worker\",\"quantity\":1},"
            + "{\"type\":\"clock\",\"quantity\":1}]}");
    await("three ticks", WAIT, () -> log().split("worker.1 \\| tick", -1).length > 3);
    String url =
        h.json(
                "POST",
                "/apps/demo/log-sessions",
                "{\"lines\":2,\"tail\":false,\"dyno\":\"worker\"}")
            .get("logplex_url")
            .asString();
    assertThat(url).startsWith(h.daemon.url() + "/local/log-sessions/");
    java.net.http.HttpResponse<String> r =
        h.http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(r.body()).matches("(data: \\S+\\+00:00 app\\[worker\\.1\\]: tick\n\n){2}");
    assertThat(
            h.http
                .send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void restartedDaemon_restoresTheFormation() throws Exception {
    h = new LocalHarness(home);
    h.app("demo", 0, "worker: " + TinyApps.TICKER + "\n");
    h.json(
        "PATCH",
        "/apps/demo/formation",
        "{\"updates\":[{\"type\":\"worker\",\"quantity\":2,\"size\":\"standard-2x\"}]}");
    await("two workers", WAIT, () -> states("demo").size() == 2);
    List<Long> before = dynos("demo").stream().map(Dyno::pid).toList();
    String url = h.daemon.url();

    h.restart();

    assertThat(h.daemon.url()).as("the API port of the last run, still free").isEqualTo(url);
    assertThat(before).noneMatch(LocalHarness::alive);
    await(
        "two workers again",
        WAIT,
        () -> states("demo").equals(Map.of("worker.1", "up", "worker.2", "up")));
    JsonNode worker = h.json("GET", "/apps/demo/formation/worker", null);
    assertThat(worker.get("quantity").asInt()).isEqualTo(2);
    assertThat(worker.get("size").asString()).isEqualTo("Standard-2X");
  }

  @Test
  void memoryHog_isKilledWithR15AndRestarted() throws Exception {
    TinyApps.requirePython();
    h = new LocalHarness(home, 20);
    h.app(
        "demo",
        0,
        "worker: python3 -c \"import time; b = b'x' * (60 << 20);"
            + " print('allocated', flush=True); time.sleep(1000)\"\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");
    await(
        "an R15 kill and a restart",
        WAIT,
        () ->
            log().contains("Error R15 (Memory quota vastly exceeded)")
                && dynos("demo").get(0).restarts() >= 1);
    assertThat(log()).contains("heroku[worker.1] | Process running mem=");
  }

  private List<Dyno> dynos(String app) {
    return h.daemon.dynos(h.daemon.app(app));
  }

  private Map<String, String> states(String app) {
    return dynos(app).stream().collect(Collectors.toMap(Dyno::name, Dyno::state));
  }

  private String log() {
    try {
      return h.log("demo");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
