package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.daemon.LocalClock;

/** Heroku's budget: 4,500 requests an hour, refilled continuously. */
final class RateLimit {
  private final int capacity;
  private final LocalClock clock;
  private double tokens;
  private long last;

  RateLimit(int capacity, LocalClock clock) {
    this.capacity = capacity;
    this.clock = clock;
    this.tokens = capacity;
    this.last = clock.nanoTime();
  }

  /** Takes one request from the budget; returns what is left (negative when exhausted). */
  synchronized int take() {
    refill();
    if (tokens < 1) {
      return -1;
    }
    tokens -= 1;
    return (int) tokens;
  }

  /** What is left of the budget, taking nothing. */
  synchronized int peek() {
    refill();
    return (int) tokens;
  }

  private void refill() {
    long now = clock.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) / 3.6e12 * capacity);
    last = now;
  }
}
