/**
 * picocli commands, one class each: a command parses its arguments, runs the core and hands the
 * result to a renderer.
 *
 * <p>Dependency rule: {@code cli} depends on {@code ops}, {@code ops.autoscale}, {@code
 * cli.render}, {@code apply}, {@code planfile}, {@code plan}, {@code live}, {@code config}, {@code
 * config.edit}, {@code catalog}, {@code diag}, {@code git}, {@code platform}, {@code
 * platform.local}, {@code platform.local.ops}, {@code platform.local.state} and {@code ui} only.
 * Libraries: picocli (Ctrl-C is caught through sun.misc, reflectively). Nothing depends on {@code
 * cli} but the root package ({@code Main}) and {@code startup} (its training run drives the
 * commands for the launcher).
 */
package dev.formation.cli;
