package dev.formation.platform.heroku;

import dev.formation.platform.PlatformException;
import dev.formation.testing.FakeHeroku;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds adapters wired to a {@link FakeHeroku}, with virtual time and a captured trace. */
final class HerokuTestSupport {
  /** Backoff with a fixed jitter of one half, so waits are predictable: 250, 500, 1000, 2000 ms. */
  static final RetryPolicy POLICY =
      new RetryPolicy(
          5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(20), () -> 0.5);

  final FakeHeroku fake;
  final VirtualTiming timing = new VirtualTiming();
  final List<String> trace = new CopyOnWriteArrayList<>();
  final List<String> notices = new CopyOnWriteArrayList<>();
  final HerokuPlatform platform;

  HerokuTestSupport(FakeHeroku fake, Path home) throws PlatformException {
    this(fake, home, Duration.ofSeconds(30));
  }

  HerokuTestSupport(FakeHeroku fake, Path home, Duration requestTimeout) throws PlatformException {
    this.fake = fake;
    HerokuConfig config =
        HerokuConfig.fromEnvironment(
                Map.of("HEROKU_API_KEY", fake.token()), home, fake.url(), "1.2.3")
            .withTiming(timing, POLICY)
            .withTimeouts(Duration.ofSeconds(5), requestTimeout)
            .withTrace(trace::add)
            .withNotice(notices::add);
    this.platform = new HerokuPlatform(config);
  }

  String traceText() {
    return String.join("\n", trace);
  }
}
