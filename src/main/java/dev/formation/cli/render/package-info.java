/**
 * Renderers: turn results (plans, drift, diagnostics, the catalogue) into text, JSON or Markdown,
 * and read and write the saved plan file. They only render; every number they show was computed
 * elsewhere.
 *
 * <p>Dependency rule: {@code cli.render} depends on {@code plan}, {@code config}, {@code catalog},
 * {@code diag} and Jackson; never on {@code cli} commands, {@code apply} or platform adapters.
 */
package dev.formation.cli.render;
