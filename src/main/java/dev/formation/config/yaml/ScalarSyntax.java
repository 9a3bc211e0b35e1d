package dev.formation.config.yaml;

import java.util.regex.Pattern;

/**
 * How a scalar is written in the source: its anchor, and whether it is plain (unquoted, not a block
 * scalar). Jackson types plain scalars by YAML 1.1-ish rules and misses some YAML 1.2 core-schema
 * forms ({@code ~}, {@code Null}, {@code TRUE}, {@code 0x1F}); this fills the gap. A tag ({@code
 * !!str 5}) is skipped over, so that {@link #plain()} tells how the value itself is written.
 *
 * @param anchor the anchor name written before the scalar, or {@code null}
 * @param plain whether the scalar is plain, so that the core schema decides its type
 */
record ScalarSyntax(String anchor, boolean plain) {
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL");
  private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)"
              + "|\\.nan|\\.NaN|\\.NAN");

  /** Reads the anchor and style of the scalar whose token starts at {@code offset}. */
  static ScalarSyntax at(String source, int offset) {
    if (offset < 0 || offset >= source.length()) {
      return new ScalarSyntax(null, false);
    }
    int i = offset;
    String anchor = null;
    // Node properties, an anchor and a tag, come before the value in either order.
    for (int property = 0; property < 2 && i < source.length(); property++) {
      char c = source.charAt(i);
      if (c != '&' && c != '!') {
        break;
      }
      int start = ++i;
      if (c == '!' && i < source.length() && source.charAt(i) == '<') {
        while (i < source.length() && source.charAt(i) != '>') {
          i++;
        }
        i++;
      }
      while (i < source.length() && !isEnd(source.charAt(i))) {
        i++;
      }
      if (c == '&') {
        anchor = source.substring(start, Math.min(i, source.length()));
      }
      while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
        i++;
      }
    }
    boolean plain = i < source.length() && "'\"|>!*&".indexOf(source.charAt(i)) < 0;
    return new ScalarSyntax(anchor, plain);
  }

  /** The YAML 1.2 core-schema type of a plain scalar. */
  static YScalar.Kind coreSchemaKind(String text) {
    if (text.isEmpty() || NULL.matcher(text).matches()) {
      return YScalar.Kind.NULL;
    }
    if (BOOL.matcher(text).matches()) {
      return YScalar.Kind.BOOLEAN;
    }
    if (INT.matcher(text).matches()) {
      return YScalar.Kind.INTEGER;
    }
    if (FLOAT.matcher(text).matches()) {
      return YScalar.Kind.FLOAT;
    }
    return YScalar.Kind.STRING;
  }

  private static boolean isEnd(char c) {
    return Character.isWhitespace(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
  }
}
