package dev.formation.cli.render;

import dev.formation.plan.CostRange;

/** Formats monthly US-dollar amounts the same way in every human-readable plan output. */
final class Money {
  private Money() {}

  /** {@code $1,250}, or {@code $500–$2,000} for a range. */
  static String amount(CostRange cost) {
    return cost.isFixed() ? usd(cost.minUsd()) : usd(cost.minUsd()) + "–" + usd(cost.maxUsd());
  }

  /** {@code +$450}, {@code -$25}, {@code $0}, or {@code -$250–+$1,750} for a range. */
  static String delta(CostRange delta) {
    if (delta.isZero()) {
      return "$0";
    }
    return delta.isFixed()
        ? signed(delta.minUsd())
        : signed(delta.minUsd()) + "–" + signed(delta.maxUsd());
  }

  /** The delta relative to {@code before} as {@code +40%}, or empty when no fair figure exists. */
  static String percent(CostRange before, CostRange delta) {
    if (!before.isFixed() || !delta.isFixed() || before.minUsd() == 0 || delta.isZero()) {
      return "";
    }
    long pct = Math.round(100.0 * delta.minUsd() / before.minUsd());
    return (pct >= 0 ? "+" : "") + pct + "%";
  }

  /**
   * Like {@link #percent}, and for a range (autoscaled types) the change of each bound, low to
   * high: {@code +6–18%} when $125 more lands on $700–$2,200.
   */
  static String percentOfRange(CostRange before, CostRange delta) {
    if (before.minUsd() <= 0 || delta.isZero()) {
      return "";
    }
    long atMin = Math.round(100.0 * delta.minUsd() / before.minUsd());
    long atMax = Math.round(100.0 * delta.maxUsd() / before.maxUsd());
    long lo = Math.min(atMin, atMax);
    long hi = Math.max(atMin, atMax);
    if (lo == hi) {
      return (lo >= 0 ? "+" : "") + lo + "%";
    }
    if (lo >= 0) {
      return "+" + lo + "–" + hi + "%";
    }
    return hi <= 0 ? "-" + Math.abs(hi) + "–" + Math.abs(lo) + "%" : lo + "%–+" + hi + "%";
  }

  static String usd(long usd) {
    return CostRange.usd(usd);
  }

  private static String signed(long usd) {
    return usd == 0 ? "$0" : (usd > 0 ? "+" : "") + usd(usd);
  }
}
