/**
 * Plans: the live state, the desired state's difference from it, costs and fingerprints, schedules
 * evaluated at a moment given as input, and guardrail breaches. The planner is pure: no I/O, no
 * clock.
 *
 * <p>Dependency rule: {@code plan} depends on {@code plan.schedule}, {@code live}, {@code config},
 * {@code autoscale}, {@code catalog} and {@code diag} only. No library: the planner is pure.
 */
package dev.formation.plan;
