package dev.formation.platform.heroku;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long failed requests are retried: exponential backoff with full jitter (a
 * uniform wait in [0, min(maxDelay, baseDelay * 2^retry)]), at most {@code maxAttempts} requests,
 * and at most {@code maxTotalWait} spent waiting, whichever comes first.
 *
 * @param jitter returns a number in [0, 1); tests pass a constant
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxTotalWait,
    DoubleSupplier jitter) {

  /** Five attempts, 0.5 s doubling to 8 s, 20 s of waiting in all. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          5,
          Duration.ofMillis(500),
          Duration.ofSeconds(8),
          Duration.ofSeconds(20),
          () -> ThreadLocalRandom.current().nextDouble());

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration backoff(int retry) {
    long ceiling = baseDelay.toMillis() << Math.min(retry - 1, 20);
    long capped = Math.min(maxDelay.toMillis(), ceiling);
    return Duration.ofMillis((long) (capped * jitter.getAsDouble()));
  }
}
