/**
 * The formation.yaml language: spec records, the loader (YAML with source positions), the schema
 * check and the semantic validator; and the platforms as the config sees them, {@link
 * dev.formation.config.PlatformKind}, found at run time: each platform's provider reads and checks
 * its own block of an app ({@link dev.formation.config.AppBlock}) into settings the core does not
 * look into ({@link dev.formation.config.PlatformSettings}).
 *
 * <p>Dependency rule: {@code config} depends on {@code config.yaml}, {@code diag}, {@code live},
 * {@code autoscale} and {@code catalog} only ({@code live} for the opaque placement a platform's
 * settings give). Libraries: Jackson (the schemas are read by its own SchemaSubset). Entry point:
 * {@link dev.formation.config.ConfigLoader}.
 */
package dev.formation.config;
