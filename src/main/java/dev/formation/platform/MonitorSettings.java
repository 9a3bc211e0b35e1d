package dev.formation.platform;

/** The settings formation writes to a web autoscaling monitor. */
public record MonitorSettings(int min, int max, int p95Ms, boolean notifyApp) {}
