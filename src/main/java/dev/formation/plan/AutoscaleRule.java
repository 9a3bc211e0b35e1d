package dev.formation.plan;

import dev.formation.config.AutoscaleSpec;
import dev.formation.live.LiveMonitor;

/**
 * The settings of a web autoscaler as the plan compares them: band, latency target, notify. Unlike
 * {@link AutoscaleSpec} it accepts whatever a live monitor holds.
 */
public record AutoscaleRule(int min, int max, int p95Ms, boolean notifyApp) {

  public static AutoscaleRule of(AutoscaleSpec spec) {
    return new AutoscaleRule(spec.min(), spec.max(), spec.p95Ms(), spec.notifyApp());
  }

  public static AutoscaleRule of(LiveMonitor monitor) {
    return new AutoscaleRule(monitor.min(), monitor.max(), monitor.p95Ms(), monitor.notifyApp());
  }

  /** {@code 2..8}. */
  public String band() {
    return AutoscaleSpec.band(min, max);
  }

  /** {@code 2..8, p95 500 ms, notify}: the rule in the words every output uses. */
  public String describe() {
    return band() + ", p95 " + p95Ms + " ms" + (notifyApp ? ", notify" : "");
  }

  public boolean contains(int quantity) {
    return quantity >= min && quantity <= max;
  }
}
