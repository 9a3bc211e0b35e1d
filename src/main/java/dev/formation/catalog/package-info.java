/**
 * The dyno size catalogue: names, tiers, memory, prices and limits, from resource files.
 *
 * <p>Dependency rule: {@code catalog} depends on nothing else in formation.
 */
package dev.formation.catalog;
