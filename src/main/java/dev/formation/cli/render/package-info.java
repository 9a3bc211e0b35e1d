/**
 * Renderers: turn results (plans, drift, diagnostics, the catalogue) into text, JSON or Markdown,
 * and read and write the saved plan file. They only render; every number they show was computed
 * elsewhere.
 *
 * <p>Dependency rule: {@code cli.render} depends on {@code ops}, {@code ops.autoscale}, {@code
 * apply}, {@code planfile}, {@code plan}, {@code live}, {@code config}, {@code config.yaml} (its
 * YAML quoting), {@code autoscale}, {@code catalog}, {@code diag} and {@code git} only. Libraries:
 * Jackson and picocli's help colours. It renders results only: no file formats, no platform calls.
 */
package dev.formation.cli.render;
