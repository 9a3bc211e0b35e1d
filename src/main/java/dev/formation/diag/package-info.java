/**
 * Diagnostics: findings about user input with a stable code and a source range.
 *
 * <p>Dependency rule: {@code diag} depends on nothing else in formation; every other package may
 * depend on it.
 */
package dev.formation.diag;
