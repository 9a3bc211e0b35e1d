package dev.formation.live;

/**
 * The web autoscaling monitor of an app (a {@code LATENCY_SCALE} monitor with action {@code
 * scale}); alert monitors are not represented, because formation leaves them alone.
 */
public record LiveMonitor(
    String id, boolean active, int min, int max, int p95Ms, boolean notifyApp) {}
