package dev.formation.plan;

import dev.formation.autoscale.QueueWords;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.live.LiveMonitor;
import java.util.Objects;

/**
 * The settings of a web autoscaler as the plan compares them: band, latency target, notify, and
 * what it measures. Unlike {@link AutoscaleSpec} it accepts whatever a live monitor holds.
 *
 * @param p95Ms the latency target; 0 when the autoscaler measures something else (CPU)
 * @param metric what the autoscaler measures, in {@link LiveMonitor#metric} words: {@code null} for
 *     the platform's own p95 response time (Heroku)
 * @param queue for a queue rule, the whole rule in words ({@code queue redis queue:default
 *     (50/dyno), down after 5m, every 30s}, {@link QueueWords#full}), so that two rules that differ
 *     never compare or read the same; {@code null} for an autoscaler on response time or CPU
 */
public record AutoscaleRule(
    int min, int max, int p95Ms, boolean notifyApp, String metric, String queue) {

  /** A rule on the platform's own p95 response time (Heroku). */
  public AutoscaleRule(int min, int max, int p95Ms, boolean notifyApp) {
    this(min, max, p95Ms, notifyApp, null, null);
  }

  /** A rule on what a platform's autoscaler measures. */
  public AutoscaleRule(int min, int max, int p95Ms, boolean notifyApp, String metric) {
    this(min, max, p95Ms, notifyApp, metric, null);
  }

  /**
   * The rule a config's autoscale block means on a platform measuring its own p95, or the queue
   * rule it holds.
   */
  public static AutoscaleRule of(AutoscaleSpec spec) {
    if (spec.queueDriven()) {
      return queue(spec);
    }
    return new AutoscaleRule(spec.min(), spec.max(), spec.p95Ms(), spec.notifyApp());
  }

  private static AutoscaleRule queue(AutoscaleSpec spec) {
    return new AutoscaleRule(spec.min(), spec.max(), 0, false, null, QueueWords.full(spec.queue()));
  }

  /** Whether a queue's backlog drives this rule (formation's controller, KEDA on a cluster). */
  public boolean queueDriven() {
    return queue != null;
  }

  /**
   * The rule an app's autoscale block means on its platform: what its platform settings say the
   * autoscaler measures ({@link dev.formation.config.PlatformSettings#autoscaleMetric}), with the
   * latency target only where it targets one.
   */
  public static AutoscaleRule of(AppSpec app, AutoscaleSpec spec) {
    if (spec.queueDriven()) {
      return queue(spec);
    }
    String metric = app.settings() == null ? null : app.settings().autoscaleMetric();
    if (metric == null) {
      return of(spec);
    }
    boolean latency = app.settings().targetsLatency();
    return new AutoscaleRule(
        spec.min(), spec.max(), latency ? spec.p95Ms() : 0, spec.notifyApp(), metric);
  }

  public static AutoscaleRule of(LiveMonitor monitor) {
    return new AutoscaleRule(
        monitor.min(), monitor.max(), monitor.p95Ms(), monitor.notifyApp(), monitor.metric());
  }

  /** {@code 2..8}. */
  public String band() {
    return AutoscaleSpec.band(min, max);
  }

  /**
   * {@code 2..8, p95 500 ms, notify}: the rule in the words every output uses; {@code 2..8, CPU 70
   * %} or {@code 2..8, p95 500 ms (metric http_p95)} for what a Kubernetes autoscaler measures.
   */
  public String describe() {
    if (queue != null) {
      return band() + " on " + queue;
    }
    String notify = notifyApp ? ", notify" : "";
    if (metric == null) {
      return band() + ", p95 " + p95Ms + " ms" + notify;
    }
    if (metric.startsWith("pods:") && p95Ms > 0) {
      return band() + ", p95 " + p95Ms + " ms (metric " + metric.substring(5) + ")" + notify;
    }
    if (metric.matches("cpu:[0-9]+")) {
      return band() + ", CPU " + metric.substring(4) + " %" + notify;
    }
    return band() + ", metrics " + metric + notify;
  }

  public boolean contains(int quantity) {
    return quantity >= min && quantity <= max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutoscaleRule r
        && min == r.min
        && max == r.max
        && p95Ms == r.p95Ms
        && notifyApp == r.notifyApp
        && Objects.equals(metric, r.metric)
        && Objects.equals(queue, r.queue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(min, max, p95Ms, notifyApp, metric, queue);
  }
}
