package dev.formation.platform.local.daemon;

import java.time.Instant;

/**
 * One minute of an app's router, for the charts of its last hour: the responses its dynos gave in
 * it.
 *
 * @param start when the minute starts (on the wall clock's minutes)
 * @param seconds how much of the minute the router watched: 60, but less for the current minute and
 *     the one the router started in
 * @param requests the responses timed in it
 * @param errors those with a 5xx status
 * @param p95 their 95th percentile response time in milliseconds, or -1 with none
 */
public record RouterMinute(Instant start, int seconds, int requests, int errors, long p95) {
  public RouterMinute {
    if (start == null
        || seconds < 0
        || seconds > 60
        || requests < 0
        || errors < 0
        || errors > requests
        || p95 < -1
        || (requests == 0) != (p95 == -1)) {
      throw new IllegalArgumentException("an inconsistent router minute at " + start);
    }
  }
}
