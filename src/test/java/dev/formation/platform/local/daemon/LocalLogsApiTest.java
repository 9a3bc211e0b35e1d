package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.LocalClient;
import dev.formation.platform.local.LogTail;
import dev.formation.platform.local.StoppedPlatform;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LogPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /local/logs}: the apps' log lines by pages, behind the token like every endpoint, at
 * no cost to the request budget; and {@link LogTail}, which reads them while the daemon runs and
 * the files it left once it has stopped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalLogsApiTest {
  @TempDir Path home;
  LocalHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LocalHarness(home);
    Path logs = Files.createDirectories(h.settings.logsDir());
    Files.writeString(logs.resolve("demo.log"), "one\ntwo\nthree\n");
    Files.writeString(logs.resolve("shop.log"), "a\nb\nhalf a line");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void withoutSince_eachAppsLastLines_andTheOffsetToReadOnFrom() throws Exception {
    JsonNode all = h.json("GET", "/local/logs?lines=2", null).get("logs");

    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("app").asString()).isEqualTo("demo");
    assertThat(all.get(0).get("lines").toString()).isEqualTo("[\"two\",\"three\"]");
    assertThat(all.get(0).get("next").asLong()).isEqualTo(14);
    // a last line without its newline waits for the next page
    assertThat(all.get(1).get("lines").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(all.get(1).get("next").asLong()).isEqualTo(4);
  }

  @Test
  void withSince_whatEachLogGained_anAppNotNamedFromItsStart() throws Exception {
    append("demo", "four");

    JsonNode pages = h.json("GET", "/local/logs?since=demo:14", null).get("logs");

    assertThat(pages.get(0).get("lines").toString()).isEqualTo("[\"four\"]");
    assertThat(pages.get(0).get("next").asLong()).isEqualTo(19);
    assertThat(pages.get(1).get("lines").toString()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void aRotatedLog_shorterThanTheOffset_isReadFromItsStart() throws Exception {
    JsonNode pages = h.json("GET", "/local/logs?app=demo&since=demo:999", null).get("logs");

    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).get("lines").toString()).isEqualTo("[\"one\",\"two\",\"three\"]");
  }

  @Test
  void oneApp_anUnknownOneHasNoPage_aBadNameOrOffsetIs422() throws Exception {
    assertThat(h.json("GET", "/local/logs?app=nope", null).get("logs")).isEmpty();
    assertThat(h.send("GET", "/local/logs?app=Bad_Name", null).statusCode()).isEqualTo(422);
    assertThat(h.send("GET", "/local/logs?since=demo:-1", null).statusCode()).isEqualTo(422);
    assertThat(h.send("GET", "/local/logs?lines=many", null).statusCode()).isEqualTo(422);
  }

  @Test
  void logs_needTheToken_andCostNoBudget() throws Exception {
    assertThat(h.send("GET", "/local/logs", null, "Bearer wrong", LocalHarness.ACCEPT).statusCode())
        .isEqualTo(401);
    String before =
        h.send("GET", "/local/status", null)
            .headers()
            .firstValue("RateLimit-Remaining")
            .orElseThrow();
    h.send("GET", "/local/logs", null);
    String after =
        h.send("GET", "/local/status", null)
            .headers()
            .firstValue("RateLimit-Remaining")
            .orElseThrow();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void client_readsPagesOfTheApi() throws Exception {
    try (LocalClient client = new LocalClient(h.settings.tokenFile())) {
      DaemonInfo daemon = h.launcher("unused").running().orElseThrow();
      List<LogPage> last = client.logs(daemon, "demo", 1, null);
      assertThat(last).containsExactly(new LogPage("demo", List.of("three"), 14));
      List<LogPage> since = client.logs(daemon, null, 0, Map.of("demo", 14L, "shop", 4L));
      assertThat(since)
          .containsExactly(new LogPage("demo", List.of(), 14), new LogPage("shop", List.of(), 4));
    }
  }

  @Test
  void tail_followsTheApi_thenReadsTheLastLinesOnceTheDaemonHasStopped() throws Exception {
    List<String> printed = new ArrayList<>();
    List<Duration> slept = new ArrayList<>();
    try (LocalClient client = new LocalClient(h.settings.tokenFile())) {
      LogTail tail =
          new LogTail(
              h.launcher("unused").locator(),
              client,
              new StoppedPlatform(h.settings),
              d -> {
                slept.add(d);
                if (slept.size() == 1) {
                  // while it runs: a new line
                  append("demo", "four");
                } else if (slept.size() == 2) {
                  // then it stops, and its last line is written as it goes
                  h.daemon.close();
                  append("demo", "five");
                }
              });

      tail.last("demo", 1, p -> printed.addAll(p.lines()));
      tail.follow("demo", p -> printed.addAll(p.lines()));
    }
    assertThat(printed).containsExactly("three", "four", "five");
    assertThat(slept).hasSize(2).allMatch(LogTail.EVERY::equals);
  }

  private void append(String app, String line) {
    try {
      Files.writeString(
          h.settings.logsDir().resolve(app + ".log"), line + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
