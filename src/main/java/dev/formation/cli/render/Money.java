package dev.formation.cli.render;

import dev.formation.plan.CostRange;

/** Formats monthly US-dollar amounts the same way in every human-readable plan output. */
final class Money {
  private Money() {}

  /** {@code $1,250}, or {@code $500–$2,000} for a range. */
  static String amount(CostRange cost) {
    return cost.isFixed() ? usd(cost.minUsd()) : usd(cost.minUsd()) + "–" + usd(cost.maxUsd());
  }

  /**
   * {@code +$450}, {@code -$25}, {@code $0}, or for a range {@code +$500–$3,500} or {@code
   * -$600–$2,100} when both ends move the same way (the sign stands for the range), and {@code
   * -$250 to +$1,750} when they do not (or one end is $0).
   */
  static String delta(CostRange delta) {
    if (delta.isZero()) {
      return "$0";
    }
    long lo = delta.minUsd();
    long hi = delta.maxUsd();
    if (delta.isFixed()) {
      return signed(lo);
    }
    if (lo > 0 && hi > 0) {
      return "+" + usd(lo) + "–" + usd(hi);
    }
    if (lo < 0 && hi < 0) {
      // the sign stands for the whole range; the amounts go from the smaller saving to the larger
      return "-" + usd(Math.min(-lo, -hi)) + "–" + usd(Math.max(-lo, -hi));
    }
    return signed(lo) + " to " + signed(hi);
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
