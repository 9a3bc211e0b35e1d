package dev.formation.config;

import dev.formation.autoscale.QueueRule;

/**
 * Autoscaling of a process type: the band the autoscaler keeps the count in, and what it reacts to
 * — web's p95 response time (Heroku's own autoscaler, {@code p95Ms}), or a queue's backlog ({@code
 * queue}, formation's controller, any process type).
 *
 * @param queue the queue rule, or {@code null} for a p95 rule
 */
public record AutoscaleSpec(int min, int max, int p95Ms, boolean notifyApp, QueueRule queue) {
  public static final int DEFAULT_P95_MS = 1000;

  /** A p95 rule. */
  public AutoscaleSpec(int min, int max, int p95Ms, boolean notifyApp) {
    this(min, max, p95Ms, notifyApp, null);
  }

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

  /** Whether the backlog of a queue drives this rule (else web's p95 does). */
  public boolean queueDriven() {
    return queue != null;
  }

  public boolean contains(int quantity) {
    return quantity >= min && quantity <= max;
  }
}
