package dev.formation.plan;

/**
 * A monthly cost in whole US dollars; a range when an autoscaler decides the count, a single value
 * ({@code minUsd == maxUsd}) otherwise. Deltas may be negative.
 */
public record CostRange(long minUsd, long maxUsd) {
  public static final CostRange ZERO = new CostRange(0, 0);

  public CostRange {
    if (minUsd > maxUsd) {
      throw new IllegalArgumentException("cost range " + minUsd + ".." + maxUsd + " is inverted");
    }
  }

  public static CostRange fixed(long usd) {
    return new CostRange(usd, usd);
  }

  /** The range spanning both values, whichever order they come in. */
  public static CostRange between(long a, long b) {
    return new CostRange(Math.min(a, b), Math.max(a, b));
  }

  public boolean isFixed() {
    return minUsd == maxUsd;
  }

  public boolean isZero() {
    return minUsd == 0 && maxUsd == 0;
  }

  public CostRange plus(CostRange other) {
    return new CostRange(minUsd + other.minUsd, maxUsd + other.maxUsd);
  }

  /**
   * The change from {@code before} to this cost, end by end: the low ends compared with each other
   * and the high ends with each other.
   */
  public CostRange minus(CostRange before) {
    return between(minUsd - before.minUsd, maxUsd - before.maxUsd);
  }
}
