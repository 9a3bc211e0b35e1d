/**
 * The YAML reader: a tree of mappings, sequences and scalars with a source range on every node,
 * with formation's bounds on size, depth and alias expansion.
 *
 * <p>Dependency rule: {@code config.yaml} is part of {@code config}: it depends on {@code diag}
 * only, and may use Jackson.
 */
package dev.formation.config.yaml;
