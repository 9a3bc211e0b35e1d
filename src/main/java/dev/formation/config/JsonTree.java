package dev.formation.config;

import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YSeq;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jackson trees for the schema check: a YAML tree converted keeping YAML's types, and the schema
 * file itself, read with the streaming parser into the same nodes {@code readTree} makes (no
 * mapper: building Jackson's {@code JsonMapper} costs a run about 70 ms of CPU,
 * docs/performance.md).
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  /** Reads one JSON document. */
  static JsonNode read(InputStream in) {
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
      if (p.nextToken() == null) {
        throw new IllegalArgumentException("no JSON");
      }
      return value(p);
    }
  }

  private static JsonNode value(JsonParser p) {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        ObjectNode o = NODES.objectNode();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
          p.nextToken();
          o.set(name, value(p));
        }
        return o;
      case START_ARRAY:
        ArrayNode a = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(value(p));
        }
        return a;
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalArgumentException("unexpected JSON token " + t);
    }
  }

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
