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

  @Override
  public boolean equals(Object o) {
    return o instanceof CostRange c && minUsd == c.minUsd && maxUsd == c.maxUsd;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(minUsd) * 31 + Long.hashCode(maxUsd);
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

  /**
   * A whole-dollar amount as plans show it: {@code $1,250}, {@code -$25}. Grouped by hand rather
   * than with {@code String.format("%,d")}, which loads the locale's number-format data on first
   * use and costs more than the rest of a plan's rendering.
   */
  public static String usd(long usd) {
    String digits = Long.toString(usd);
    if (usd < 0) {
      digits = digits.substring(1);
    }
    StringBuilder b = new StringBuilder(digits.length() + 8).append(usd < 0 ? "-$" : "$");
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    b.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      b.append(',').append(digits, i, i + 3);
    }
    return b.toString();
  }
}
