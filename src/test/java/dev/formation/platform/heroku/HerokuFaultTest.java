package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.formation.platform.PlatformException;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against an API that misbehaves: silent, endlessly paging, rate limited, huge. */
class HerokuFaultTest {
  @TempDir Path home;
  FakeHeroku fake;
  HerokuTestSupport t;

  @BeforeEach
  void start() throws PlatformException {
    fake = FakeHeroku.start();
    fake.addApp("shop", "cedar").process("web", "standard-1x", 2);
    t = new HerokuTestSupport(fake, home);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void blackHoledApi_failsTheRequestAtItsDeadline_notAfterFiveRequestTimeouts() throws Exception {
    fake.inject(FakeFault.slow(Duration.ofSeconds(30)).times(100));
    HerokuPlatform platform =
        new HerokuPlatform(
            HerokuConfig.fromEnvironment(
                    Map.of("HEROKU_API_KEY", fake.token()), home, fake.url(), "1")
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .withDeadline(Duration.ofSeconds(1)));

    // Five attempts of 30 s each took 157 s once; the deadline ends it after one second.
    PlatformException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> {
              try {
                platform.read("shop", false);
              } catch (PlatformException thrown) {
                return thrown;
              }
              throw new AssertionError("read of a black-holed API succeeded");
            });

    assertThat(e)
        .hasMessageStartingWith(
            "no answer to GET " + fake.url() + "/apps/shop/formation within 1 s")
        .hasMessageContaining("the deadline of one request, retries included");
    assertThat(fake.requests()).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void defaultDeadline_isOneMinutePerRequest() throws Exception {
    HerokuConfig c =
        HerokuConfig.fromEnvironment(Map.of("HEROKU_API_KEY", fake.token()), home, null, "1");

    assertThat(c.deadline()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void retryWaits_comeOutOfTheDeadline() throws Exception {
    fake.inject(FakeFault.serverError(503).times(100));
    HerokuPlatform platform =
        new HerokuPlatform(t.platform.config().withDeadline(Duration.ofSeconds(2)));

    assertThatThrownBy(() -> platform.read("shop", false)).isInstanceOf(PlatformException.class);

    // After 250 + 500 + 1000 ms of waits, another 2 s would pass the deadline: four tries, not
    // five.
    assertThat(t.timing.sleeps())
        .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(fake.requests()).hasSize(4);
  }

  @Test
  void endlessPaging_stopsAfterTenPages_withAnErrorNamingTheApp() {
    fake.inject(FakeFault.endlessPages().on("GET", "/apps/shop/formation").times(10_000));

    assertThatThrownBy(() -> t.platform.read("shop", false))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("the formation list of app `shop` did not end after 10 pages")
        .hasMessageContaining("206 Partial Content")
        .hasMessageContaining("request id ");
    assertThat(fake.requests()).hasSize(HerokuPlatform.MAX_PAGES);
  }

  @Test
  void rateLimitWait_isToldThroughTheNotice() throws Exception {
    fake.inject(FakeFault.rateLimited(12));

    t.platform.read("shop", false);

    assertThat(t.notices)
        .containsExactly(
            "waiting 12 s for the rate limit of the Heroku API"
                + " (GET /apps/shop/formation, attempt 2 of 5)");
  }

  @Test
  void serverErrorRetries_areNotNoticesForTheUser() throws Exception {
    fake.inject(FakeFault.serverError(503));

    t.platform.read("shop", false);

    assertThat(t.notices).isEmpty();
  }

  @Test
  void tenMegabyteAnswer_isRefusedAtTheBodyLimit_withTheRequestId() {
    String huge = "[" + "{\"type\":\"web\"},".repeat(700_000) + "{\"type\":\"web\"}]";
    fake.inject(FakeFault.answer(200, huge, Map.of()));

    assertThatThrownBy(() -> t.platform.read("shop", false))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith(
            "the Heroku API answered GET /apps/shop/formation with more than 2 MiB")
        .hasMessageMatching(".*request id [0-9a-f-]{36}\\)");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void nextRangeThatIsNoRange_isRefusedNotSentBack() {
    fake.inject(FakeFault.answer(206, "[]", Map.of("Next-Range", "id ]" + "x".repeat(300))));

    assertThatThrownBy(() -> t.platform.read("shop", false))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("Next-Range header formation cannot send back");
  }

  @Test
  void apiMessageWithTerminalEscapes_isEscapedInTheExceptionItself() {
    String body =
        "{\"id\": \"invalid_params\", \"message\": \"\\u001b]0;pwned\\u0007\\u001b[8mhid\\rden\"}";
    fake.inject(FakeFault.answer(422, body, Map.of()));

    assertThatThrownBy(() -> t.platform.read("shop", false))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("\\u001b]0;pwned\\u0007\\u001b[8mhid\\rden (request id ")
        .hasMessageNotContaining("\u001b")
        .hasMessageNotContaining("\u0007");
  }
}
