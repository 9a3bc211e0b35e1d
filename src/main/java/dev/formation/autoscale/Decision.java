package dev.formation.autoscale;

/**
 * What the queue rule wants of one process type at one moment: the count, and why, in words a log
 * line can carry.
 *
 * @param desired the count the type should have, always inside the band
 * @param needed what the latest backlog alone asks for, inside the band ({@code ceil(backlog /
 *     per_dyno)} kept within {@code min..max}), or the current count when there is no sample
 * @param reason why, for example {@code backlog 420 needs 9 at 50 per dyno}
 */
public record Decision(int desired, int needed, String reason) {
  public Decision {
    if (desired < 0 || needed < 0 || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a decision has a count and a reason: " + desired);
    }
  }

  /** Whether the decision changes the count it was made from. */
  public boolean changes(int current) {
    return desired != current;
  }
}
