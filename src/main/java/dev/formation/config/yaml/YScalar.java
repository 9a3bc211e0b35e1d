package dev.formation.config.yaml;

import dev.formation.diag.SourceRange;

/**
 * A scalar: its text as written and how YAML 1.2 (core schema) types it as written.
 *
 * @param tag the YAML tag written on it in short form ({@code !!str}, {@code !custom}), or {@code
 *     null}; {@code kind} ignores the tag, so that a tag that would change the type can be refused
 */
public record YScalar(Kind kind, String text, SourceRange range, String tag) implements YNode {

  /** The YAML 1.2 core-schema type of a scalar. */
  public enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

  /** An untagged scalar. */
  public YScalar(Kind kind, String text, SourceRange range) {
    this(kind, text, range, null);
  }

  @Override
  public long weight() {
    return 1;
  }

  @Override
  public String kindWord() {
    return switch (kind) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case FLOAT -> "a decimal number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
    };
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }
}
