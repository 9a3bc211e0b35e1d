package dev.formation.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;

/**
 * JSON values as {@link SchemaSubset} checks and words them: types, equality of numbers by value,
 * enumerations and kinds as the reference validator's messages show them, ECMA-262 patterns as Java
 * ones, JSON Pointer escapes.
 */
final class SchemaValues {
  private SchemaValues() {}

  /**
   * An ECMA-262 pattern (what JSON Schema means) as a Java one: {@code $} is the end of the input,
   * where Java's also matches before a final line break ({@code "web\n"} would match {@code
   * ^\w+$}).
   */
  static String ecma(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
      } else if (c == '[') {
        inClass = true;
        out.append(c);
      } else if (c == ']') {
        inClass = false;
        out.append(c);
      } else if (c == '$' && !inClass) {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static boolean hasType(JsonNode type, JsonNode v) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (hasType(t, v)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asString()) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isString();
      case "boolean" -> v.isBoolean();
      case "null" -> v.isNull();
      case "number" -> v.isNumber();
      case "integer" -> v.isIntegralNumber() || (v.isNumber() && isWhole(v.decimalValue()));
      default -> false;
    };
  }

  static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  static boolean contains(JsonNode values, JsonNode v) {
    for (JsonNode option : values) {
      if (same(option, v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The enumeration as JSON text, {@code ["a", "b"]}, escaped as Jackson writes it. Strings are
   * quoted with jackson-core's own encoder rather than through {@code JsonNode.toString()}: that
   * starts Jackson's serializer, and {@code anyOf} branches build this message for every size of
   * every process even when another branch passes.
   */
  static String enumText(JsonNode values) {
    List<String> items = new ArrayList<>();
    values.forEach(n -> items.add(n.isString() ? quoted(n.stringValue()) : n.toString()));
    return "[" + String.join(", ", items) + "]";
  }

  static String quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, b);
    return b.append('"').toString();
  }

  static String kind(JsonNode v) {
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isString()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isArray()) {
      return "array";
    }
    if (v.isObject()) {
      return "object";
    }
    return "null";
  }

  static String typeWords(JsonNode type) {
    if (!type.isArray()) {
      return type.asString();
    }
    List<String> words = new ArrayList<>();
    type.forEach(t -> words.add(t.asString()));
    return String.join(" or ", words);
  }

  static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
