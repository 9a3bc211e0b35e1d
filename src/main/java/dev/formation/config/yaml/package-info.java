/**
 * The YAML reader: a tree of mappings, sequences and scalars with a source range on every node,
 * with formation's bounds on size, depth and alias expansion.
 *
 * <p>Dependency rule: {@code config.yaml} depends on {@code diag} only. It is part of {@code
 * config}. Libraries: Jackson's YAML parser and its SnakeYAML engine.
 */
package dev.formation.config.yaml;
