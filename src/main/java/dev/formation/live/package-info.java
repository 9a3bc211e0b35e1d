/**
 * The live model: what a platform reports an app is running (its processes, its web autoscaler and,
 * for a local app, where it is registered; for a Kubernetes app, where on which cluster it was
 * read). Platforms produce it, the planner compares against it.
 *
 * <p>Dependency rule: {@code live} depends on {@code catalog} only. A Kubernetes container's
 * resources are the catalogue's {@link dev.formation.catalog.Resources}.
 */
package dev.formation.live;
