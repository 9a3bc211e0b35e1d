package dev.formation.config.yaml;

import dev.formation.diag.SourceRange;

/**
 * A node of a YAML document with the place it was written, after anchors, aliases and merge keys
 * are resolved.
 *
 * <p>{@link #weight()} counts the nodes the subtree stands for once aliases are expanded, so a YAML
 * bomb is caught without being expanded.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
  SourceRange range();

  long weight();

  /** The word used for this kind of node in messages: "a mapping", "a list", "a number". */
  String kindWord();
}
