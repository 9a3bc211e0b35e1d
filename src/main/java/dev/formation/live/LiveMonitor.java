package dev.formation.live;

/**
 * The web autoscaler of an app: on Heroku a {@code LATENCY_SCALE} monitor with action {@code scale}
 * (alert monitors are not represented, because formation leaves them alone); on Kubernetes the
 * HorizontalPodAutoscaler of web's Deployment.
 *
 * @param p95Ms the latency target in milliseconds; 0 when the autoscaler measures something else
 * @param metric what the autoscaler measures: {@code null} for the platform's own p95 response time
 *     (Heroku), {@code pods:NAME} for a Pods metric targeted at {@code p95Ms}, {@code cpu:70} for
 *     CPU utilisation, or another short description of metrics formation does not write
 */
public record LiveMonitor(
    String id, boolean active, int min, int max, int p95Ms, boolean notifyApp, String metric) {

  /** A monitor that measures the platform's own p95 response time (Heroku). */
  public LiveMonitor(String id, boolean active, int min, int max, int p95Ms, boolean notifyApp) {
    this(id, active, min, max, p95Ms, notifyApp, null);
  }
}
