package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.RouterMinute;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The router's last hour, minute by minute: responses, 5xx responses and the p95 response time of
 * each of the last {@link #MINUTES} minutes, for the charts of {@code formation ui}. A fixed ring
 * of primitive arrays (about 80 KB per app), so adding a response allocates nothing: it counts the
 * response in its minute's latency histogram — exact to the millisecond below {@link #EXACT} ms,
 * then in 16 steps per doubling (a p95 read from it is at most 1/16 above the true one, and never
 * above the minute's slowest response). Not thread-safe: {@link LatencyWindow} calls it under its
 * lock.
 */
final class RouterHistory {
  static final int MINUTES = 60;
  static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
  static final int EXACT = 64;
  private static final int STEPS = 16;
  private static final int OCTAVES = 16;
  static final int BINS = EXACT + STEPS * OCTAVES;

  private final int[] bins = new int[MINUTES * BINS];
  private final int[] requests = new int[MINUTES];
  private final int[] errors = new int[MINUTES];
  private final long[] slowest = new long[MINUTES];
  private final long origin;
  private final long startedAt;
  private long current;

  /**
   * @param nanos the clock's monotonic time now
   * @param wall its wall-clock time now; minutes start on the wall clock's minutes
   */
  RouterHistory(long nanos, Instant wall) {
    this.startedAt = nanos;
    this.origin = nanos - (wall.toEpochMilli() % 60_000) * 1_000_000;
  }

  /** Counts one response of {@code ms} with {@code status} at {@code nanos}. */
  void add(long nanos, long ms, int status) {
    int slot = roll(nanos);
    requests[slot]++;
    if (status >= 500) {
      errors[slot]++;
    }
    if (ms > slowest[slot]) {
      slowest[slot] = ms;
    }
    bins[slot * BINS + bin(ms)]++;
  }

  /** The minutes of the last hour since the router started, oldest first, the current one last. */
  List<RouterMinute> minutes(long nanos, Instant wall) {
    roll(nanos);
    long first = Math.max(0, current - MINUTES + 1);
    List<RouterMinute> out = new ArrayList<>();
    for (long m = first; m <= current; m++) {
      int slot = (int) (m % MINUTES);
      long from = Math.max(origin + m * MINUTE_NANOS, startedAt);
      long to = Math.min(origin + (m + 1) * MINUTE_NANOS, nanos);
      Instant start = wall.minusNanos(nanos - (origin + m * MINUTE_NANOS));
      out.add(
          new RouterMinute(
              start.plusMillis(500).truncatedTo(ChronoUnit.SECONDS),
              (int) Math.min(60, Math.max(0, (to - from + 500_000_000) / 1_000_000_000)),
              requests[slot],
              errors[slot],
              p95(slot)));
    }
    return out;
  }

  /** Moves to the minute of {@code nanos}, emptying the minutes passed over; returns its slot. */
  private int roll(long nanos) {
    long minute = Math.floorDiv(nanos - origin, MINUTE_NANOS);
    if (minute > current) {
      for (long m = Math.max(current + 1, minute - MINUTES + 1); m <= minute; m++) {
        int slot = (int) (m % MINUTES);
        Arrays.fill(bins, slot * BINS, (slot + 1) * BINS, 0);
        requests[slot] = 0;
        errors[slot] = 0;
        slowest[slot] = 0;
      }
      current = minute;
    }
    return (int) (current % MINUTES);
  }

  /** The minute's p95 (nearest rank), or -1 without responses. */
  private long p95(int slot) {
    int n = requests[slot];
    if (n == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(0.95 * n);
    int seen = 0;
    for (int b = 0; b < BINS; b++) {
      seen += bins[slot * BINS + b];
      if (seen >= rank) {
        // the last bin holds everything from 70 minutes up: its bound is the minute's slowest
        return b == BINS - 1 ? slowest[slot] : Math.min(upper(b), slowest[slot]);
      }
    }
    return slowest[slot];
  }

  /** The histogram bin of {@code ms}: itself below {@link #EXACT}, else 16 per doubling. */
  static int bin(long ms) {
    if (ms < EXACT) {
      return (int) Math.max(0, ms);
    }
    int octave = 63 - Long.numberOfLeadingZeros(ms) - 6;
    if (octave >= OCTAVES) {
      return BINS - 1;
    }
    int step = (int) (ms >> (octave + 2)) & (STEPS - 1);
    return EXACT + octave * STEPS + step;
  }

  /** The largest time that falls in {@code bin}. */
  static long upper(int bin) {
    if (bin < EXACT) {
      return bin;
    }
    int octave = (bin - EXACT) / STEPS;
    int step = (bin - EXACT) % STEPS;
    return ((long) (STEPS + step + 1) << (octave + 2)) - 1;
  }
}
