/**
 * The engine that touches platforms: reads live state in parallel, applies plans app by app,
 * verifies that they converged, and refuses stale saved plans.
 *
 * <p>Dependency rule: {@code apply} depends on {@code platform}, {@code plan}, {@code config},
 * {@code catalog} and {@code diag}; never on {@code cli} or a platform adapter.
 */
package dev.formation.apply;
