package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.PidFiles;
import dev.formation.platform.local.state.ProcInfo;
import dev.formation.platform.local.state.ProcessGroup;
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
    log.flush();
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

  /** Waits until {@code p} leads a process group of its own (its pgrp in /proc is its pid). */
  private static void awaitOwnGroup(Process p) throws Exception {
    Path stat = Path.of("/proc", String.valueOf(p.pid()), "stat");
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      String text = Files.readString(stat);
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so count from its closing bracket
      String[] after = text.substring(text.lastIndexOf(')') + 2).split(" ");
      if (Long.parseLong(after[2]) == p.pid()) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("process " + p.pid() + " never led a group of its own");
  }

  @Test
  void pidFiles_keepEveryGroupOfADynoName_soADeadDaemonsSuccessorStopsThemAll() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroup.SETSID, "needs setsid");
    // a restarted web.1 runs while the old web.1 still has its grace period
    Process old = new ProcessBuilder("setsid", "sleep", "300").start();
    Process restarted = new ProcessBuilder("setsid", "sleep", "300").start();
    try {
      // a dyno's pid file is written once it runs in a group of its own; a process only just
      // started may not have called setsid yet, and a group that does not exist is not stopped
      awaitOwnGroup(old);
      awaitOwnGroup(restarted);
      PidFiles files = new PidFiles(dir.resolve("run"));
      files.write("demo", "web.1", old.pid(), "m1");
      files.write("demo", "web.1", restarted.pid(), "m2");

      // the daemon dies here; the next one stops what the files name
      assertThat(
              new PidFiles(dir.resolve("run"))
                  .stopAll(new ManualClock()::nanoTime, Duration.ZERO, n -> {}))
          .isEqualTo(2);

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
  void pidFiles_aPidReusedByAnotherProcess_isNeverSignalled() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroup.SETSID, "needs setsid");
    Process other = new ProcessBuilder("setsid", "sleep", "300").start();
    try {
      // recorded with another start time: what a pid given to a new process looks like
      long ticks = ProcInfo.startTicks(other.pid()).orElseThrow();
      Files.createDirectories(dir.resolve("run"));
      Files.write(
          dir.resolve("run/demo.web.1." + other.pid() + ".pid"),
          Json.MAPPER.writeValueAsBytes(
              new PidFiles.Entry(other.pid(), ticks - 1, ProcInfo.bootId(), "m")));

      assertThat(
              new PidFiles(dir.resolve("run"))
                  .stopAll(new ManualClock()::nanoTime, Duration.ZERO, n -> {}))
          .isZero();

      assertThat(other.isAlive()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void pidFiles_aGarbageFile_isSetAside_andTheOthersAreStillStopped() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroup.SETSID, "needs setsid");
    Process dyno = new ProcessBuilder("setsid", "sleep", "300").start();
    try {
      PidFiles files = new PidFiles(dir.resolve("run"));
      files.write("demo", "web.2", dyno.pid(), "m");
      Files.writeString(dir.resolve("run/demo.web.1.12.pid"), "garbage");
      List<String> notices = new java.util.ArrayList<>();

      assertThat(files.stopAll(new ManualClock()::nanoTime, Duration.ZERO, notices::add))
          .isEqualTo(1);

      assertThat(dyno.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(notices)
          .singleElement()
          .asString()
          .contains("demo.web.1.12.pid")
          .contains("set aside");
      try (var left = Files.list(dir.resolve("run"))) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .singleElement()
            .asString()
            .startsWith("demo.web.1.12.pid.corrupt-");
      }
    } finally {
      dyno.destroyForcibly();
    }
  }

  @Test
  void stateStore_aBrokenAppFile_isSetAside_andTheOtherAppsLoad() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"name\": broken");
    new StateStore(dir)
        .save(new AppRecord("id", "good-app", "/tmp", 5000, "t", "t", List.of(), List.of()));
    List<String> notices = new java.util.ArrayList<>();

    List<AppRecord> apps = new StateStore(dir).loadAll(notices::add);

    assertThat(apps).extracting(AppRecord::name).containsExactly("good-app");
    assertThat(notices).singleElement().asString().contains("bad.json").contains("set aside");
    assertThat(dir.resolve("bad.json")).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("bad.json.corrupt-"));
    }
  }

  @Test
  void appLog_isOwnerOnly_andWritesNothingOnceClosed() throws Exception {
    Path file = dir.resolve("logs/demo.log");
    AppLog log = new AppLog(file, AppLog.DEFAULT_CAP);
    log.line("web.1", "one");
    log.flush();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    log.close();
    Files.delete(file);

    log.line("heroku[router]", "a late request");

    assertThat(file).doesNotExist();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }
}
