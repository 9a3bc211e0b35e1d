/**
 * Diagnostics: findings about user input with a stable code and a source range.
 *
 * <p>Dependency rule: {@code diag} depends on nothing else in formation. Libraries: commons-text
 * (for did-you-mean hints).
 */
package dev.formation.diag;
