/**
 * The formation.yaml language: spec records, the loader (YAML with source positions), the schema
 * check and the semantic validator.
 *
 * <p>Dependency rule: {@code config} depends on {@code config.yaml}, {@code diag} and {@code
 * catalog} only. Libraries: Jackson (the schemas are read by its own SchemaSubset). Entry point:
 * {@link dev.formation.config.ConfigLoader}.
 */
package dev.formation.config;
