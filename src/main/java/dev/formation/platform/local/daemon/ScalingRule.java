package dev.formation.platform.local.daemon;

/**
 * The autoscaler's rule, as a pure function of what it measured and what it remembers: no clock, no
 * router, no process. Up one dyno when the p95 is above the target (not twice within {@link
 * #UP_COOLDOWN} intervals); down one dyno after {@link #DOWN_AFTER} intervals below half the target
 * (and as long after the last change); never outside the monitor's min and max, and a count already
 * outside them is brought back at once.
 */
final class ScalingRule {
  /** Intervals after a change before the next step up. */
  static final int UP_COOLDOWN = 2;

  /** Calm intervals in a row (and intervals since the last change) before a step down. */
  static final int DOWN_AFTER = 3;

  /**
   * What the rule remembers of an app between two looks.
   *
   * @param sinceChange looks since the count last changed (large when it never did)
   * @param lowStreak looks in a row with the p95 below half the target
   */
  record Memory(int sinceChange, int lowStreak) {
    /** An app the autoscaler has not looked at yet: free to step at once. */
    static final Memory FRESH = new Memory(Integer.MAX_VALUE / 2, 0);

    Memory {
      if (sinceChange < 0 || lowStreak < 0) {
        throw new IllegalArgumentException("negative count: " + sinceChange + ", " + lowStreak);
      }
    }
  }

  /** A monitor's band and target, as the rule needs them. */
  record Band(int min, int max, int targetMs) {
    Band {
      if (min < 0 || max < min || targetMs < 1) {
        throw new IllegalArgumentException("band " + min + ".." + max + ", target " + targetMs);
      }
    }
  }

  /** One look's outcome: the count to set (the present one to keep it), why, and the memory. */
  record Step(int to, String reason, Memory after) {
    Step {
      if (to < 0 || reason == null || reason.isBlank() || after == null) {
        throw new IllegalArgumentException("step to " + to + ": " + reason);
      }
    }
  }

  private ScalingRule() {}

  /**
   * One look at an app.
   *
   * @param before what the previous looks left
   * @param quantity the web dynos now
   * @param p95Ms the p95 measured over the last interval, or -1 when no request came
   */
  static Step next(Memory before, int quantity, long p95Ms, Band band) {
    int since = before.sinceChange() + 1;
    String measured = p95Ms < 0 ? "no requests" : "p95 " + p95Ms + " ms";
    int target = band.targetMs();
    if (quantity < band.min() || quantity > band.max()) {
      int to = Math.max(band.min(), Math.min(band.max(), quantity));
      return new Step(
          to,
          "outside min " + band.min() + " .. max " + band.max(),
          new Memory(0, before.lowStreak()));
    }
    if (p95Ms > target) {
      String above = measured + " above target " + target + " ms";
      if (quantity >= band.max()) {
        return new Step(quantity, above + ", already at max", new Memory(since, 0));
      }
      if (since < UP_COOLDOWN) {
        return new Step(quantity, above + ", cooling down", new Memory(since, 0));
      }
      return new Step(quantity + 1, above, new Memory(0, 0));
    }
    if (p95Ms < target / 2.0) {
      String below = measured + " below half of target " + target + " ms";
      int low = before.lowStreak() + 1;
      if (quantity <= band.min()) {
        return new Step(quantity, below + ", already at min", new Memory(since, low));
      }
      if (low < DOWN_AFTER || since < DOWN_AFTER) {
        return new Step(
            quantity,
            below + " (" + low + "/" + DOWN_AFTER + " intervals)",
            new Memory(since, low));
      }
      return new Step(quantity - 1, below + " for " + DOWN_AFTER + " intervals", new Memory(0, 0));
    }
    return new Step(quantity, measured + " within target " + target + " ms", new Memory(since, 0));
  }
}
