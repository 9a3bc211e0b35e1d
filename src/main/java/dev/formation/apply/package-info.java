/**
 * The engine that touches platforms: reads live state in parallel, applies plans app by app,
 * verifies that they converged, and refuses stale saved plans.
 *
 * <p>Dependency rule: {@code apply} depends on {@code platform}, {@code plan}, {@code live}, {@code
 * config} and {@code diag} only. Never a platform adapter: adapters come in through {@link
 * dev.formation.apply.Platforms}.
 */
package dev.formation.apply;
