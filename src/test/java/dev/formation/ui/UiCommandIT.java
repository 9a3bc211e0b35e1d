package dev.formation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeHeroku;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code formation ui} as a user runs it, from the packaged jar: one line on stdout with the URL,
 * the page and uPlot served from the jar alone, and Ctrl-C (a real SIGINT) ending it with 130 and
 * FM161.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UiCommandIT {
  private static final Path JAR = Path.of("target", "formation.jar").toAbsolutePath();
  private static final Pattern URL =
      Pattern.compile("formation ui: http://127\\.0\\.0\\.1:(\\d+)/\\?token=([A-Za-z0-9_-]{43})\n");

  @TempDir Path dir;

  @Test
  void printsItsUrl_servesThePageFromTheJar_andCtrlCEndsItWith130() throws Exception {
    try (FakeHeroku fake = UiFixture.heroku()) {
      UiFixture.write(dir, "formation.yaml", UiFixture.FILE);
      Process ui = start(fake.env());
      Matcher url = awaitUrl(ui);
      int port = Integer.parseInt(url.group(1));
      String cookie = "formation_ui=" + url.group(2);
      RawHttp.Answer first = RawHttp.send(port, "GET", "/?token=" + url.group(2), Map.of(), null);
      assertThat(first.status()).isEqualTo(303);
      RawHttp.Answer chart =
          RawHttp.send(port, "GET", "/static/uplot.js", Map.of("Cookie", cookie), null);
      assertThat(chart.status()).isEqualTo(200);
      assertThat(chart.body()).contains("uPlot");
      RawHttp.Answer state =
          RawHttp.send(port, "GET", "/api/state", Map.of("Cookie", cookie), null);
      assertThat(state.body()).contains("\"live_quantity\":3");

      new ProcessBuilder("kill", "-INT", String.valueOf(ui.pid())).start().waitFor();
      assertThat(ui.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
      String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
      assertThat(ui.exitValue()).as(out + err).isEqualTo(130);
      assertThat(out).isEqualTo(url.group());
      assertThat(err)
          .contains("error[FM161]: interrupted: stopped serving")
          .doesNotContain(url.group(2));
    }
  }

  private Process start(Map<String, String> env) throws Exception {
    // a JVM started in the background ignores SIGINT; perl puts the default back, as a terminal's
    // foreground job has it (InterruptIT does the same)
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    "perl",
                    "-e",
                    "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "ui"))
            .directory(dir.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().putAll(env);
    pb.environment().put("FORMATION_HOME", dir.resolve("fh").toString());
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    return pb.start();
  }

  private Matcher awaitUrl(Process ui) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Path out = dir.resolve("out.txt");
    while (System.nanoTime() < end && ui.isAlive()) {
      Matcher m = URL.matcher(Files.exists(out) ? Files.readString(out) : "");
      if (m.find()) {
        return m;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no URL on stdout: " + Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
