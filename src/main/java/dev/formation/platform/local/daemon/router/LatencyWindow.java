package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.LocalClock;
import dev.formation.platform.local.daemon.RouterMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The router's recent response times, for the autoscaler's p95: the last {@link #MAX_SAMPLES}, in a
 * ring of two primitive arrays, so that recording one (on every response) allocates nothing and
 * holds the lock for a few stores. Reading the p95 (the autoscaler's, every few seconds) does the
 * sorting. Each response also counts in the {@link RouterHistory} of the last hour, under the same
 * lock.
 */
final class LatencyWindow {
  static final int MAX_SAMPLES = 20_000;
  private final long[] at = new long[MAX_SAMPLES];
  private final long[] millis = new long[MAX_SAMPLES];
  private final LocalClock clock;
  private final RouterHistory history;
  private int next;
  private int size;

  LatencyWindow(LocalClock clock) {
    this.clock = clock;
    this.history = new RouterHistory(clock.nanoTime(), clock.now());
  }

  /** Records one response of {@code ms} that answered {@code status}. */
  void record(long ms, int status) {
    long now = clock.nanoTime();
    synchronized (this) {
      at[next] = now;
      millis[next] = ms;
      next = (next + 1) % MAX_SAMPLES;
      size = Math.min(size + 1, MAX_SAMPLES);
      history.add(now, ms, status);
    }
  }

  /** The minutes of the last hour, oldest first. */
  List<RouterMinute> lastHour() {
    long now = clock.nanoTime();
    Instant wall = clock.now();
    synchronized (this) {
      return history.minutes(now, wall);
    }
  }

  /** The 95th percentile of the responses within {@code window}, or -1 with none. */
  long p95(Duration window) {
    long[] recent = within(window);
    if (recent.length == 0) {
      return -1;
    }
    Arrays.sort(recent);
    return recent[(int) Math.ceil(0.95 * recent.length) - 1];
  }

  /** How many responses came within {@code window}. */
  int count(Duration window) {
    return within(window).length;
  }

  /** The response times recorded within {@code window} of now. */
  private synchronized long[] within(Duration window) {
    long since = clock.nanoTime() - window.toNanos();
    long[] out = new long[size];
    int n = 0;
    for (int k = 0; k < size; k++) {
      int i = Math.floorMod(next - size + k, MAX_SAMPLES);
      if (at[i] - since >= 0) {
        out[n++] = millis[i];
      }
    }
    return Arrays.copyOf(out, n);
  }
}
