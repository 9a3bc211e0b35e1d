package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.live.LiveApp;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.PlatformException;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuRetryTest {
  @TempDir Path home;
  FakeHeroku fake;
  HerokuTestSupport t;

  @BeforeEach
  void start() throws PlatformException {
    fake = FakeHeroku.start();
    fake.addApp("shop", "cedar").process("web", "performance-m", 2);
    t = new HerokuTestSupport(fake, home);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void rateLimited_withRetryAfter_waitsThatLongThenSucceeds() throws Exception {
    fake.inject(FakeFault.rateLimited(3));

    assertThat(t.platform.read("shop", false).process("web")).isPresent();

    assertThat(t.timing.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(fake.requests()).extracting(RecordedRequest::status).containsExactly(429, 200);
  }

  @Test
  void rateLimited_withoutRetryAfter_backsOffWithJitter() throws Exception {
    fake.inject(FakeFault.rateLimited(null).times(2));

    t.platform.read("shop", false);

    assertThat(t.timing.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void serviceUnavailable_isRetried() throws Exception {
    fake.inject(FakeFault.serverError(503));

    t.platform.read("shop", false);

    assertThat(fake.requests()).extracting(RecordedRequest::status).containsExactly(503, 200);
  }

  @Test
  void serverErrorThenSuccess_onGet_isRetried() throws Exception {
    fake.inject(FakeFault.serverError(500).on("GET", "/apps/shop/formation"));

    assertThat(t.platform.read("shop", false).process("web").get().quantity()).isEqualTo(2);
    assertThat(fake.requests()).extracting(RecordedRequest::status).containsExactly(500, 200);
    assertThat(t.timing.sleeps()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void serverErrorThenSuccess_onPatch_isRetriedBecauseItIsAbsolute() throws Exception {
    LiveApp live = t.platform.read("shop", false);
    fake.inject(FakeFault.serverError(500).on("PATCH", ".*"));

    LiveApp after =
        t.platform.updateFormation(
            live, java.util.List.of(new dev.formation.platform.FormationUpdate("web", 3, null)));

    assertThat(after.process("web").get().quantity()).isEqualTo(3);
    assertThat(fake.requests("PATCH", ".*"))
        .extracting(RecordedRequest::status)
        .containsExactly(500, 200);
  }

  @Test
  void serverError_onPost_isNotRepeated() throws Exception {
    LiveApp live = t.platform.read("shop", false);
    fake.inject(FakeFault.serverError(500).on("POST", ".*"));

    assertThatThrownBy(() -> t.platform.createMonitor(live, new MonitorSettings(2, 4, 500, false)))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.getMessage())
                  .matches(
                      "the Heroku API answered HTTP 500 to POST"
                          + " /apps/[-0-9a-f]{36}/formation/web/monitors \\(request id"
                          + " [-0-9a-f]{36}\\)");
            });
    assertThat(fake.requests("POST", ".*")).hasSize(1);
  }

  @Test
  void serviceUnavailable_onPost_isRetriedBecauseNothingWasDone() throws Exception {
    LiveApp live = t.platform.read("shop", false);
    fake.inject(FakeFault.serverError(503).on("POST", ".*"));

    assertThat(t.platform.createMonitor(live, new MonitorSettings(2, 4, 500, false)).active())
        .isTrue();
    assertThat(fake.requests("POST", ".*"))
        .extracting(RecordedRequest::status)
        .containsExactly(503, 201);
  }

  @Test
  void droppedConnection_onGet_isRetried() throws Exception {
    fake.inject(FakeFault.drop().times(2).on("GET", "/apps/shop/formation"));

    assertThat(t.platform.read("shop", false).process("web")).isPresent();

    assertThat(fake.requests()).extracting(RecordedRequest::status).endsWith(0, 200);
    assertThat(t.timing.sleeps()).isNotEmpty();
    assertThat(t.traceText()).contains("failed after");
  }

  @Test
  void droppedConnection_onPost_isNotRepeated() throws Exception {
    LiveApp live = t.platform.read("shop", false);
    fake.inject(FakeFault.drop().times(3).on("POST", ".*"));

    assertThatThrownBy(() -> t.platform.createMonitor(live, new MonitorSettings(2, 4, 500, false)))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("could not complete POST http://127.0.0.1:");
    assertThat(fake.requests("POST", ".*")).hasSize(1);
    assertThat(fake.app("shop").monitors()).isEmpty();
  }

  @Test
  void slowResponse_hittingTheTimeout_isRetried(@TempDir Path other) throws Exception {
    HerokuTestSupport quick = new HerokuTestSupport(fake, other, Duration.ofMillis(300));
    fake.inject(FakeFault.slow(Duration.ofMillis(1500)));

    assertThat(quick.platform.read("shop", false).process("web")).isPresent();

    assertThat(quick.traceText()).contains("HttpTimeoutException");
    assertThat(quick.timing.sleeps()).hasSize(1);
  }

  @Test
  void exhaustedRetries_giveAClearErrorWithRequestId() {
    fake.inject(FakeFault.serverError(503).times(10));

    assertThatThrownBy(() -> t.platform.read("shop", false))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.requestId()).isNotBlank();
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the Heroku API answered HTTP 503 to GET "
                          + "/apps/shop/formation (request id "
                          + e.requestId()
                          + "; gave up after 5 attempts)");
            });
    assertThat(fake.requests()).hasSize(5);
    assertThat(t.timing.sleptMillis()).isEqualTo(250 + 500 + 1000 + 2000);
  }

  @Test
  void exhaustedBudget_isRetriedThenReportedAsRateLimit() {
    fake.rateLimitRemaining(0);

    assertThatThrownBy(() -> t.platform.read("shop", false))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.errorId()).isEqualTo("rate_limit");
              assertThat(e.getMessage())
                  .startsWith("Your account reached the API rate limit")
                  .contains("(rate limit exhausted; request id ")
                  .endsWith("gave up after 5 attempts)");
            });
  }

  @Test
  void retryAfterBeyondTheWaitBudget_failsAtOnceInsteadOfHanging() {
    fake.inject(FakeFault.rateLimited(3600));

    assertThatThrownBy(() -> t.platform.read("shop", false))
        .isInstanceOf(PlatformException.class)
        .hasMessageEndingWith(
            "; the API asked to retry after 3600 s, beyond the 20 s formation " + "waits)");
    assertThat(t.timing.sleeps()).isEmpty();
  }

  @Test
  void lowRateLimitRemaining_spacesRequestsOut() throws Exception {
    fake.rateLimitRemaining(60);
    for (int i = 0; i < 4; i++) {
      t.platform.read("shop", false);
    }
    // the first answer reveals the low budget; each later request waits one refill interval
    assertThat(t.timing.sleeps()).containsExactly(Duration.ofMillis(800), Duration.ofMillis(800));
  }

  @Test
  void plentifulRateLimit_neverWaits() throws Exception {
    for (int i = 0; i < 4; i++) {
      t.platform.read("shop", false);
    }
    assertThat(t.timing.sleeps()).isEmpty();
  }
}
