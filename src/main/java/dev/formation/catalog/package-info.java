/**
 * The dyno size catalogue: names, tiers, memory, prices and limits, from resource files.
 *
 * <p>Dependency rule: {@code catalog} depends only on the JDK.
 */
package dev.formation.catalog;
