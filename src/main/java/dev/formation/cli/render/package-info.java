/**
 * Renderers: text, JSON and GitHub-annotation views of results. They only render; they never
 * compute what to show.
 *
 * <p>Dependency rule: {@code cli.render} depends on {@code diag}, {@code config}, {@code plan},
 * {@code catalog} and Jackson; only {@code cli} depends on it.
 */
package dev.formation.cli.render;
