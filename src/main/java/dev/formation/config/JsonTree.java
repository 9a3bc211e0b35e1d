package dev.formation.config;

import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YSeq;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Converts a YAML tree into a Jackson tree for the schema validator, keeping YAML's types. */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  static JsonNode of(YNode node) {
    if (node instanceof YMap map) {
      return object(map);
    }
    if (node instanceof YSeq seq) {
      return array(seq);
    }
    return scalar((YScalar) node);
  }

  private static ObjectNode object(YMap map) {
    ObjectNode o = NODES.objectNode();
    for (YMap.Entry e : map.entries()) {
      o.set(e.key(), of(e.value()));
    }
    return o;
  }

  private static ArrayNode array(YSeq seq) {
    ArrayNode a = NODES.arrayNode();
    seq.items().forEach(i -> a.add(of(i)));
    return a;
  }

  private static JsonNode scalar(YScalar s) {
    if (!ValueCheck.inRange(s)) {
      // ValueCheck reports it; the validator cannot compare such a number (it converts to long).
      return NODES.nullNode();
    }
    return switch (s.kind()) {
      case NULL -> NODES.nullNode();
      case BOOLEAN ->
          NODES.booleanNode(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
      case INTEGER -> {
        BigInteger i = integer(s.text());
        yield i == null ? NODES.stringNode(s.text()) : NODES.numberNode(i);
      }
      case FLOAT -> {
        BigDecimal d = decimal(s.text());
        yield d == null ? NODES.stringNode(s.text()) : NODES.numberNode(d);
      }
      case STRING -> NODES.stringNode(s.text());
    };
  }

  /** The value of a YAML 1.2 integer ({@code 42}, {@code -7}, {@code 0x1F}, {@code 0o17}). */
  static BigInteger integer(String text) {
    String t = text.trim().replace("_", "");
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    try {
      BigInteger v;
      if (t.startsWith("0x") || t.startsWith("0X")) {
        v = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0o") || t.startsWith("0O")) {
        v = new BigInteger(t.substring(2), 8);
      } else {
        v = new BigInteger(t);
      }
      return negative ? v.negate() : v;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** The value of a finite YAML float, or {@code null} for {@code .inf}, {@code .nan} and junk. */
  static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
