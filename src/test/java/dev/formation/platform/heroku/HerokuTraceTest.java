package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.live.LiveApp;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.PlatformException;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuTraceTest {
  @TempDir Path home;
  FakeHeroku fake;
  HerokuTestSupport t;

  @BeforeEach
  void start() throws PlatformException {
    fake = FakeHeroku.start();
    fake.addApp("shop", "cedar")
        .process("web", "performance-m", 2)
        .process("worker", "standard-1x", 0);
    t = new HerokuTestSupport(fake, home);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void trace_showsMethodUrlStatusDurationRequestIdAndRedactedAuthorization() throws Exception {
    t.platform.read("shop", false);

    String trace = t.traceText();
    assertThat(trace)
        .contains("--> GET " + fake.url() + "/apps/shop/formation")
        .contains("Authorization: Bearer [REDACTED]")
        .contains("Accept: application/vnd.heroku+json; version=3")
        .containsPattern(
            "<-- 200 GET "
                + fake.url().replace(".", "\\.")
                + "/apps/shop/formation \\(\\d+ ms, request id [-0-9a-f]{36}\\)")
        .containsIgnoringCase("ratelimit-remaining: ");
  }

  @Test
  void token_neverAppearsInTracesOrErrors() throws Exception {
    List<String> messages = new ArrayList<>();
    LiveApp live = t.platform.read("shop", true);
    fake.inject(FakeFault.serverError(503).times(9));
    messages.add(failure(() -> t.platform.read("shop", false)));
    fake.inject(FakeFault.drop().times(9));
    messages.add(failure(() -> t.platform.read("shop", false)));
    messages.add(failure(() -> t.platform.read("unknown-app", false)));
    messages.add(
        failure(
            () ->
                t.platform.updateFormation(
                    live, List.of(new FormationUpdate("worker", 1, "eco")))));
    messages.add(failure(() -> t.platform.createMonitor(live, new MonitorSettings(5, 2, 1, true))));
    HerokuConfig wrongToken = t.platform.config().withTrace(t.trace::add);
    messages.add(
        failure(
            () ->
                new HerokuPlatform(
                        new HerokuConfig(
                            wrongToken.endpoint(),
                            Secret.of(fake.token() + "x"),
                            "1",
                            wrongToken.connectTimeout(),
                            wrongToken.requestTimeout(),
                            wrongToken.retry(),
                            wrongToken.timing(),
                            t.trace::add))
                    .read("shop", false)));

    assertThat(messages)
        .hasSize(6)
        .allSatisfy(m -> assertThat(m).isNotBlank().doesNotContain(fake.token()));
    assertThat(messages.get(5)).startsWith("the Heroku API rejected the token (unauthorized)");
    assertThat(t.trace).isNotEmpty().noneMatch(line -> line.contains(fake.token()));
    assertThat(t.traceText()).contains("Bearer [REDACTED]");
  }

  interface Call {
    void run() throws Exception;
  }

  private static String failure(Call call) {
    try {
      call.run();
    } catch (PlatformException e) {
      StringBuilder sb = new StringBuilder(e.getMessage());
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        sb.append(" / ").append(c);
      }
      return sb.toString();
    } catch (Exception e) {
      throw new AssertionError("expected a PlatformException", e);
    }
    throw new AssertionError("expected the call to fail");
  }

  @Test
  void redact_replacesTheExactTokenOnly_notTheSameLettersInsideAWord() {
    HttpTrace trace = new HttpTrace(line -> {}, "herokuapi");

    assertThat(trace.redact("https://api.herokuapi.com/x?k=herokuapi&y"))
        .isEqualTo("https://api.[REDACTED].com/x?k=[REDACTED]&y");
    assertThat(trace.redact("myherokuapi herokuapis herokuapi_x"))
        .isEqualTo("myherokuapi herokuapis herokuapi_x");
    assertThat(trace.redact("Bearer herokuapi, \"herokuapi\""))
        .isEqualTo("Bearer [REDACTED], \"[REDACTED]\"");
  }

  @Test
  void redact_tokenThatIsPartOfAnExceptionName_leavesTheNameAlone() {
    HttpTrace trace = new HttpTrace(line -> {}, "xception");

    assertThat(trace.redact("ConnectException: refused")).isEqualTo("ConnectException: refused");
  }
}
