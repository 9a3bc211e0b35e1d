/**
 * The formation.yaml language: spec records, the loader (YAML with source positions), the schema
 * check and the semantic validator.
 *
 * <p>Dependency rule: {@code config} depends on {@code diag} and {@code catalog} only; it is the
 * only package besides renderers and adapters that uses Jackson (and the only one that uses the
 * JSON Schema validator). Entry point: {@link dev.formation.config.ConfigLoader}.
 */
package dev.formation.config;
