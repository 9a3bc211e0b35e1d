/**
 * The live model: what a platform reports an app is running (its processes, its web autoscaler and
 * where it has the app, an opaque {@link dev.formation.live.Placement} of the platform's own).
 * Platforms produce it, the planner compares against it; a placement the config wants is the same
 * kind of value, and plans its own {@link dev.formation.live.SetupStep}s.
 *
 * <p>Dependency rule: {@code live} depends on {@code catalog} only. A container's resources are the
 * catalogue's {@link dev.formation.catalog.Resources}.
 */
package dev.formation.live;
