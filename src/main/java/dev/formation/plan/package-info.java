/**
 * Plans: the live state, the desired state's difference from it, costs and fingerprints. The
 * planner is pure: no I/O.
 *
 * <p>Dependency rule: {@code plan} depends on {@code live}, {@code config}, {@code catalog} and
 * {@code diag} only. No library: the planner is pure.
 */
package dev.formation.plan;
