package dev.formation.config;

/**
 * Autoscaling for a web process: the band the autoscaler keeps the count in and its latency target.
 */
public record AutoscaleSpec(int min, int max, int p95Ms, boolean notifyApp) {
  public static final int DEFAULT_P95_MS = 1000;

  public AutoscaleSpec {
    if (min < 1 || max < min || p95Ms < 1) {
      throw new IllegalArgumentException("invalid autoscale band " + band(min, max));
    }
  }

  /**
   * An autoscale band in words, {@code 2..8}: the one spelling every message, plan and report uses.
   */
  public static String band(int min, int max) {
    return min + ".." + max;
  }

  public String band() {
    return band(min, max);
  }

  public boolean contains(int quantity) {
    return quantity >= min && quantity <= max;
  }
}
