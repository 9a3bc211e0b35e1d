package dev.formation.autoscale;

import java.time.Instant;
import java.util.Objects;

/**
 * One successful reading of a queue's backlog: how many jobs waited, and when. A failed reading is
 * no sample: it tells nothing about the backlog, so it can neither raise nor lower a count.
 *
 * @param backlog the jobs waiting, at least 0
 */
public record Sample(Instant at, long backlog) {
  public Sample {
    Objects.requireNonNull(at, "at");
    if (backlog < 0) {
      throw new IllegalArgumentException("a backlog is at least 0: " + backlog);
    }
  }
}
