/**
 * The live model: what a platform reports an app is running (its processes, its web autoscaler and,
 * for a local app, where it is registered). Platforms produce it, the planner compares against it.
 *
 * <p>Dependency rule: {@code live} depends on nothing else in formation.
 */
package dev.formation.live;
