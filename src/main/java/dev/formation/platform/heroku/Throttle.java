package dev.formation.platform.heroku;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Spaces requests out once {@code RateLimit-Remaining} runs low, so parallel reads of many apps
 * slow down before the account's budget is spent instead of failing with 429s. Below the threshold,
 * requests go out no faster than the budget refills (4,500 an hour, one per 0.8 s), across every
 * thread sharing this throttle. {@code RateLimit-Multiplier} is not read: the remaining count is
 * what runs out, whatever weight each request carried.
 */
final class Throttle {
  static final int LOW_WATER = 100;
  static final Duration REFILL_INTERVAL = Duration.ofMillis(800);

  private final Timing timing;
  private final long intervalNanos;
  private long remaining = Long.MAX_VALUE;
  private long nextSlot = Long.MIN_VALUE;

  Throttle(Timing timing, Duration interval) {
    this.timing = timing;
    this.intervalNanos = interval.toNanos();
  }

  /** Waits for this thread's turn when the budget is low; returns at once otherwise. */
  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      if (remaining >= LOW_WATER) {
        return;
      }
      long now = timing.nanoTime();
      long slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      timing.sleep(Duration.ofNanos(wait));
    }
  }

  /** Records the budget a response reported (header names are case-insensitive). */
  void observe(HttpHeaders headers) {
    OptionalLong value = parse(headers.firstValue("RateLimit-Remaining").orElse(null));
    if (value.isPresent()) {
      synchronized (this) {
        remaining = value.getAsLong();
        if (remaining >= LOW_WATER) {
          nextSlot = Long.MIN_VALUE;
        }
      }
    }
  }

  synchronized long remaining() {
    return remaining;
  }

  private static OptionalLong parse(String v) {
    try {
      return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
