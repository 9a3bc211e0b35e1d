/**
 * picocli commands, one class each: a command parses its arguments, runs the core and hands the
 * result to a renderer.
 *
 * <p>Dependency rule: {@code cli} may depend on every other package; nothing depends on {@code cli}
 * except {@code Main}.
 */
package dev.formation.cli;
