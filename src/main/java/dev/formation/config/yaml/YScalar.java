package dev.formation.config.yaml;

import dev.formation.diag.SourceRange;

/** A scalar: its text as written and how YAML 1.2 (core schema) typed it. */
public record YScalar(Kind kind, String text, SourceRange range) implements YNode {

  /** The YAML 1.2 core-schema type of a scalar. */
  public enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
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
