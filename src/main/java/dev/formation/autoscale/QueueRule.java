package dev.formation.autoscale;

import java.time.Duration;
import java.util.Objects;

/**
 * A queue autoscale rule of one process type, without its band (the band, {@code min..max}, is the
 * autoscale block's own and a schedule window may replace it): the desired count is {@code
 * ceil(backlog / perDyno)} kept inside the band; a lower count is taken only once the backlog has
 * allowed it for {@code scaleDownAfter}; the backlog is read every {@code interval}.
 *
 * @param source where the backlog is read
 * @param perDyno the backlog one dyno is meant to carry, at least 1
 * @param scaleDownAfter how long the backlog must have allowed a lower count before it is taken
 * @param interval how often the backlog is read, at least one second
 */
public record QueueRule(
    QueueSource source, int perDyno, Duration scaleDownAfter, Duration interval) {
  public static final Duration DEFAULT_SCALE_DOWN_AFTER = Duration.ofMinutes(5);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  public QueueRule {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scaleDownAfter, "scaleDownAfter");
    Objects.requireNonNull(interval, "interval");
    if (perDyno < 1) {
      throw new IllegalArgumentException("per_dyno must be at least 1: " + perDyno);
    }
    if (scaleDownAfter.isNegative()) {
      throw new IllegalArgumentException("scale_down_after must not be negative");
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("interval must be at least 1s");
    }
  }
}
