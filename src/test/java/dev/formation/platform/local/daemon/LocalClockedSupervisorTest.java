package dev.formation.platform.local.daemon;

import static dev.formation.platform.local.daemon.LocalHarness.alive;
import static dev.formation.platform.local.daemon.LocalHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.http.HttpLimits;
import dev.formation.platform.local.daemon.supervisor.Dyno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Backoff, grace periods and waiting for a missing folder on a clock the test moves: no test here
 * sleeps for a delay or measures one.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalClockedSupervisorTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path home;
  final ManualClock clock = new ManualClock();
  LocalHarness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      closeOnTheClock(h::close);
    }
  }

  /** Closes, moving the clock on meanwhile: what is stopping gets its grace on this clock. */
  private void closeOnTheClock(Runnable close) throws Exception {
    CompletableFuture<Void> closing = CompletableFuture.runAsync(close);
    for (int i = 0; i < 600 && !closing.isDone(); i++) {
      clock.advance(Duration.ofSeconds(1));
      try {
        closing.get(50, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException stillClosing) {
        // advance again
      }
    }
    closing.get(10, TimeUnit.SECONDS);
  }

  private List<Dyno> dynos() {
    return h.daemon.dynos(h.daemon.app("demo"));
  }

  @Test
  void aCrashingDyno_isRestartedAfter1Then2Then4Seconds() throws Exception {
    h = new LocalHarness(home, 0, clock, HttpLimits.DEFAULT);
    h.app("demo", 0, "worker: echo boom; exit 3\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");
    long[] expected = {1, 2, 4, 8};
    for (int crash = 1; crash <= expected.length; crash++) {
      int n = crash;
      await("crash " + n, WAIT, () -> dynos().get(0).restarts() == n);
      long delay = TimeUnit.SECONDS.toNanos(expected[n - 1]);
      assertThat(clock.dueIn()).as("the restart waits on the clock").contains(delay);
      clock.advance(Duration.ofNanos(delay - 1));
      assertThat(dynos().get(0).restarts()).as("not restarted before its time").isEqualTo(n);
      assertThat(dynos().get(0).state()).isEqualTo("crashed");
      clock.advance(Duration.ofNanos(1));
    }
    assertThat(h.log("demo"))
        .contains("worker.1 | boom")
        .contains("heroku[worker.1] | Process exited with status 3")
        .contains("State changed from crashed to starting");
  }

  @Test
  void aStoppedDynoIgnoringSigterm_getsItsGraceOnTheClock_thenSigkill() throws Exception {
    h = new LocalHarness(home, 0, clock, HttpLimits.DEFAULT);
    h.app("demo", 0, "worker: trap '' TERM; echo ready; sleep 1000 & sleep 1000; wait\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");
    await(
        "the worker and its children",
        WAIT,
        () -> dynos().size() == 1 && dynos().get(0).group().members().size() >= 3);
    List<Long> pids = new ArrayList<>();
    dynos().get(0).group().members().forEach(p -> pids.add(p.pid()));

    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":0}");
    await("SIGTERM sent", WAIT, () -> log().contains("Stopping all processes with SIGTERM"));
    clock.advance(h.settings.grace().minusMillis(1));
    assertThat(pids).as("SIGTERM ignored, grace not over").allMatch(LocalHarness::alive);
    assertThat(log()).doesNotContain("R12");

    clock.advance(Duration.ofMillis(2));

    await("every process killed", WAIT, () -> pids.stream().noneMatch(LocalHarness::alive));
    await("R12 logged", WAIT, () -> log().contains("Error R12 (Exit timeout)"));
    assertThat(log()).contains("Stopping all processes with SIGKILL");
  }

  @Test
  void anAppWhoseFolderIsGone_isCrashedWithWhy_andStartsOnceTheFolderIsBack() throws Exception {
    h = new LocalHarness(home, 0, clock, HttpLimits.DEFAULT);
    Path dir = h.app("demo", 0, "worker: echo started; sleep 1000\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");
    await("worker up", WAIT, () -> "up".equals(dynos().get(0).state()));
    Path moved = dir.resolveSibling("demo-moved");
    Files.move(dir, moved);

    h.json("DELETE", "/apps/demo/dynos/worker.1", null);

    await(
        "worker crashed for its folder",
        WAIT,
        () -> dynos().size() == 1 && "crashed".equals(dynos().get(0).state()));
    JsonNode dyno = h.json("GET", "/local/status", null).get("apps").get(0).get("dynos").get(0);
    assertThat(dyno.get("state").asString()).isEqualTo("crashed");
    assertThat(dyno.get("problem").asString()).isEqualTo("folder " + dir + " no longer exists");
    int restarts = dynos().get(0).restarts();
    clock.advance(Duration.ofMinutes(5));
    assertThat(dynos().get(0).state()).as("no crash loop").isEqualTo("crashed");
    assertThat(dynos().get(0).restarts()).isEqualTo(restarts);
    assertThat(log()).doesNotContain("Cannot run program");

    Files.move(moved, dir);
    clock.advance(Dyno.FOLDER_RECHECK);

    await("worker up again", WAIT, () -> "up".equals(dynos().get(0).state()));
    assertThat(
            h.json("GET", "/local/status", null)
                .get("apps")
                .get(0)
                .get("dynos")
                .get(0)
                .has("problem"))
        .isFalse();
  }

  @Test
  void aCorruptAppFile_costsThatAppAlone_whenTheDaemonRestarts() throws Exception {
    h = new LocalHarness(home, 0, clock, HttpLimits.DEFAULT);
    h.app("demo", 0, "worker: sleep 1000\n");
    h.app("broken", 0, "worker: sleep 1000\n");
    h.json("PATCH", "/apps/demo/formation/worker", "{\"quantity\":1}");
    await("worker up", WAIT, () -> "up".equals(dynos().get(0).state()));
    Path file = h.settings.appsDir().resolve("broken.json");
    byte[] whole = Files.readAllBytes(file);

    closeOnTheClock(h.daemon::close);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    h.daemon = LocalDaemon.start(h.settings, 0, clock, HttpLimits.DEFAULT);

    await("demo's worker restored", WAIT, () -> "up".equals(dynos().get(0).state()));
    assertThat(h.send("GET", "/apps/broken", null).statusCode()).isEqualTo(404);
    assertThat(h.json("GET", "/apps", null)).hasSize(1);
    try (var files = Files.list(h.settings.appsDir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("broken.json.corrupt-"));
    }
  }

  private String log() {
    try {
      return h.log("demo");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static boolean isAlive(long pid) {
    return alive(pid);
  }
}
