/**
 * Renderers: turn results (plans, drift, diagnostics, the catalogue) into text, JSON or Markdown.
 * They only render; they never compute.
 *
 * <p>Dependency rule: {@code cli.render} is part of {@code cli} and may depend on every other
 * package; it is one of the places allowed to use Jackson.
 */
package dev.formation.cli.render;
