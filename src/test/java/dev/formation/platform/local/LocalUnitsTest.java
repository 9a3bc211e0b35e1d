package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUnitsTest {
  @TempDir Path dir;

  @Test
  void appLog_linesAreTimestampedAndPrefixed_andRotateKeepingOneOldFile() throws Exception {
    Path file = dir.resolve("demo.log");
    AppLog log = new AppLog(file, 200);
    for (int i = 0; i < 10; i++) {
      log.line("web.1", "message number " + i);
    }
    assertThat(Files.readString(file))
        .matches(
            "(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ web\\.1 \\| message number \\d\n.*")
        .contains("message number 9");
    assertThat(Files.size(file)).isLessThanOrEqualTo(200);
    assertThat(dir.resolve("demo.log.1")).exists();
    assertThat(dir.resolve("demo.log.2")).doesNotExist();
  }

  @Test
  void appLog_splitsOverlongOutputLines_soADynoWithoutNewlinesCannotExhaustTheDaemonsMemory()
      throws Exception {
    Path file = dir.resolve("demo.log");
    AppLog log = new AppLog(file, AppLog.DEFAULT_CAP);
    String output = "x".repeat(AppLog.MAX_LINE * 2 + 5) + "\nshort\n";

    log.copy(new java.io.ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), "web.1");

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).endsWith(" web.1 | " + "x".repeat(AppLog.MAX_LINE));
    assertThat(lines.get(2)).endsWith(" web.1 | xxxxx");
    assertThat(lines.get(3)).endsWith(" web.1 | short");
  }

  @Test
  void pidFiles_keepEveryGroupOfADynoName_soADeadDaemonsSuccessorReapsThemAll() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroup.SETSID, "needs setsid");
    // a restarted web.1 runs while the old web.1 still has its grace period
    Process old = new ProcessBuilder("setsid", "sleep", "300").start();
    Process restarted = new ProcessBuilder("setsid", "sleep", "300").start();
    try {
      PidFiles files = new PidFiles(dir.resolve("run"));
      files.write("demo", "web.1", old.pid());
      files.write("demo", "web.1", restarted.pid());

      // the daemon dies here; the next one reaps what the files name
      assertThat(new PidFiles(dir.resolve("run")).reapOrphans()).isEqualTo(2);

      assertThat(old.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(restarted.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      try (var left = Files.list(dir.resolve("run"))) {
        assertThat(left).isEmpty();
      }
    } finally {
      old.destroyForcibly();
      restarted.destroyForcibly();
    }
  }

  @Test
  void stateStore_aBrokenAppFile_isAnIoErrorNamingTheFile() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"name\": broken");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StateStore(dir).loadAll())
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining(dir.resolve("bad.json").toString())
        .hasMessageContaining("fix or remove it");
  }

  @Test
  void latencyWindow_p95_isTheNinetyFifthPercentile_orMinusOneWhenIdle() {
    LatencyWindow w = new LatencyWindow();
    assertThat(w.p95(Duration.ofMinutes(1))).isEqualTo(-1);
    for (int ms = 100; ms >= 1; ms--) {
      w.record(ms);
    }
    assertThat(w.p95(Duration.ofMinutes(1))).isEqualTo(95);
    assertThat(w.count(Duration.ofMinutes(1))).isEqualTo(100);
  }

  @Test
  void accept_takesVersion3AndItsVariants_only() {
    assertThat(ApiServer.acceptable("application/vnd.heroku+json; version=3")).isTrue();
    assertThat(ApiServer.acceptable("application/vnd.heroku+json; version=3.sdk")).isTrue();
    assertThat(ApiServer.acceptable("application/vnd.heroku+json; version=2")).isFalse();
    assertThat(ApiServer.acceptable("application/json")).isFalse();
    assertThat(ApiServer.acceptable(null)).isFalse();
  }

  @Test
  void procfileAndDotEnv_areParsedLikeHerokuLocal() throws Exception {
    Files.writeString(
        dir.resolve("Procfile"),
        "# comment\nweb: bin/web --port $PORT\n\nrelease-task:   ./migrate\n");
    Files.writeString(dir.resolve(".env"), "A=1\nexport B=\"two words\"\n# C=3\n");
    assertThat(Procfile.read(dir))
        .containsExactly(
            java.util.Map.entry("web", "bin/web --port $PORT"),
            java.util.Map.entry("release-task", "./migrate"));
    assertThat(DotEnv.read(dir))
        .containsExactly(java.util.Map.entry("A", "1"), java.util.Map.entry("B", "two words"));
  }
}
