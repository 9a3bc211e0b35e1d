package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.LocalClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** The router's recent response times, for the autoscaler's p95. */
final class LatencyWindow {
  private static final int MAX_SAMPLES = 20_000;
  private final Deque<long[]> samples = new ArrayDeque<>();
  private final LocalClock clock;

  LatencyWindow(LocalClock clock) {
    this.clock = clock;
  }

  synchronized void record(long millis) {
    samples.addLast(new long[] {clock.nanoTime(), millis});
    while (samples.size() > MAX_SAMPLES) {
      samples.removeFirst();
    }
  }

  /** The 95th percentile of the responses within {@code window}, or -1 with none. */
  synchronized long p95(Duration window) {
    long since = clock.nanoTime() - window.toNanos();
    while (!samples.isEmpty()
        && samples.peekFirst()[0] < since - Duration.ofMinutes(10).toNanos()) {
      samples.removeFirst();
    }
    long[] recent = samples.stream().filter(s -> s[0] >= since).mapToLong(s -> s[1]).toArray();
    if (recent.length == 0) {
      return -1;
    }
    Arrays.sort(recent);
    return recent[(int) Math.ceil(0.95 * recent.length) - 1];
  }

  /** How many responses came within {@code window}. */
  synchronized int count(Duration window) {
    long since = clock.nanoTime() - window.toNanos();
    return (int) samples.stream().filter(s -> s[0] >= since).count();
  }
}
