package dev.formation.plan;

import dev.formation.config.ProcessSpec;

/**
 * One process type as a version of the config declares it, for comparing two versions.
 *
 * @param quantity the count, or {@code null} when an autoscaler owns it and no start is given
 * @param autoscale the autoscaler's settings, or {@code null}
 */
public record ProcessState(String size, Integer quantity, AutoscaleRule autoscale) {
  public static ProcessState of(ProcessSpec spec) {
    return new ProcessState(
        spec.size().name(),
        spec.quantity(),
        spec.autoscale() == null ? null : AutoscaleRule.of(spec.autoscale()));
  }
}
