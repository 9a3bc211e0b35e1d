package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.Environment;
import dev.formation.git.GitNotes;
import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ctrl-C, SIGTERM and SIGHUP during a real apply process (the packaged jar, real signals): the
 * report says per app where it stood, what it says is what a following plan shows, and the git note
 * records it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterruptIT {
  private static final Path JAR = Path.of("target", "formation.jar").toAbsolutePath();
  private static final int APPS = 6;

  @TempDir Path dir;
  private FakeHeroku fake;

  @BeforeEach
  void apps() throws IOException {
    fake = FakeHeroku.start().latency(Duration.ofMillis(150));
    StringBuilder yaml = new StringBuilder("version: 1\napps:\n");
    for (int i = 1; i <= APPS; i++) {
      fake.addApp("app-" + i, "cedar").process("web", "standard-1x", 1);
      yaml.append("  app-")
          .append(i)
          .append(":\n    processes:\n      web: {size: standard-1x, quantity: 2}\n");
    }
    Files.writeString(dir.resolve("formation.yaml"), yaml.toString());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void firstCtrlC_finishesTheAppInFlight_reportsEachApp_andExits130() throws Exception {
    Process apply = start();
    awaitLine(apply, "applied app-1");
    signal(apply, "INT");
    assertThat(apply.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(apply.exitValue()).as(out + err).isEqualTo(130);
    assertThat(err).contains("error[FM161]: interrupted: no new write starts");
    assertThat(out).contains("app-1: applied").contains("Apply interrupted:");
    CliRunner.Result plan =
        CliRunner.in(dir, new HashMap<>(fake.env()), Environment.Terminal.NONE)
            .exec("plan", "--format", "json");
    JsonNode planned = JsonMapper.shared().readTree(plan.out());
    int reportedApplied = 0;
    for (int i = 1; i <= APPS; i++) {
      String app = "app-" + i;
      boolean applied = out.contains(app + ": applied");
      boolean notStarted = out.contains(app + ": not started");
      assertThat(applied || notStarted).as("%s is reported:\n%s", app, out).isTrue();
      assertThat(fake.app(app).quantity("web"))
          .as("%s as reported", app)
          .isEqualTo(applied ? 2 : 1);
      assertThat(planned.get("apps").get(i - 1).get("changes").isEmpty())
          .as("the next plan of %s agrees with the report", app)
          .isEqualTo(applied);
      reportedApplied += applied ? 1 : 0;
    }
    assertThat(reportedApplied).isBetween(1, APPS - 1);
  }

  @Test
  void secondCtrlC_exitsAtOnce_sayingTheStateIsUnknown() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\napps:\n  app-1:\n    processes:\n"
            + "      web: {size: standard-1x, quantity: 2}\n");
    fake.latency(Duration.ofSeconds(1));
    Process apply = start();
    awaitLine(apply, "applying app-1");
    // the second once the first is handled, while app-1's first request (1 s) is in flight
    signal(apply, "INT");
    awaitLine(apply, "interrupted: no new write starts");
    signal(apply, "INT");
    assertThat(apply.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(apply.exitValue()).isEqualTo(130);
    assertThat(err)
        .contains("error[FM161]: interrupted again: exiting now")
        .contains("formation plan");
  }

  @Test
  void ctrlC_whilePlanReads_exits130_sayingSoAsFm161() throws Exception {
    fake.latency(Duration.ofMillis(500));
    Process plan = start("plan", "--parallelism", "1");
    awaitLine(plan, "read 1/" + APPS + " apps");
    signal(plan, "INT");
    assertThat(plan.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(plan.exitValue()).as(err).isEqualTo(130);
    assertThat(err)
        .contains("error[FM161]: interrupted before the command finished; nothing was changed");
    assertThat(fake.requests("PATCH", ".*")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129"})
  void sigtermOrSighup_isHandledLikeTheFirstCtrlC_reportedAndRecorded(String signal, int exit)
      throws Exception {
    String commit;
    try (GitFixture repo = GitFixture.init(dir)) {
      commit = repo.commit("the config");
    }
    Process apply = start();
    awaitLine(apply, "applied app-1");
    signal(apply, signal);
    assertThat(apply.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(apply.exitValue()).as(out + err).isEqualTo(exit);
    assertThat(err)
        .contains("error[FM161]: interrupted by SIG" + signal + ": no new write starts")
        .contains("Recorded the apply");
    assertThat(out).contains("app-1: applied").contains("Apply interrupted:");
    long applied = 0;
    for (int i = 1; i <= APPS; i++) {
      String app = "app-" + i;
      boolean done = out.contains(app + ": applied");
      assertThat(done || out.contains(app + ": not started")).as(out).isTrue();
      assertThat(fake.app(app).quantity("web")).as(app).isEqualTo(done ? 2 : 1);
      applied += done ? 1 : 0;
    }
    assertThat(applied).isBetween(1L, APPS - 1L);
    try (dev.formation.git.GitRepo git = dev.formation.git.GitRepo.open(dir)) {
      String note = GitNotes.all(git).get(commit);
      assertThat(note).contains("\"app\":\"app-1\",\"outcome\":\"applied\"");
    }
  }

  private Process start() throws IOException {
    return start("apply", "--auto-approve", "--parallelism", "1");
  }

  private Process start(String... args) throws IOException {
    // A build started in the background (nohup, a CI runner) ignores SIGINT (and SIGHUP), and a
    // child inherits that: a JVM started so cannot catch them at all. perl puts the defaults back
    // first, as a terminal's foreground job has them.
    List<String> command =
        new ArrayList<>(
            List.of(
                "perl",
                "-e",
                "$SIG{INT} = $SIG{HUP} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_OPTS");
    env.putAll(fake.env());
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    return pb.start();
  }

  /** Waits until the process has written {@code line} to stderr. */
  private void awaitLine(Process p, String line) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Path err = dir.resolve("err.txt");
    while (System.nanoTime() < end && p.isAlive()) {
      if (Files.exists(err) && Files.readString(err, StandardCharsets.UTF_8).contains(line)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no `" + line + "` on stderr: " + Files.readString(err));
  }

  private static void signal(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
