/**
 * Renderers: plans as text, JSON and Markdown, and the saved plan file. They only render; every
 * number they show was computed by the planner.
 *
 * <p>Dependency rule: {@code cli.render} depends on {@code plan}, {@code config}, {@code diag}
 * and Jackson; never on {@code cli} commands, {@code apply} or platform adapters.
 */
package dev.formation.cli.render;
