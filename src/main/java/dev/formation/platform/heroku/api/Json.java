package dev.formation.platform.heroku.api;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The adapter's JSON, read and written with jackson-core's streaming parser and generator: tolerant
 * of fields Heroku adds (skipped), strict on types (a string where a number belongs, or a fraction,
 * makes the whole answer unexpected). Data binding is left out on purpose: a command runs once, and
 * building Jackson's mapper and the deserializers of these records cost a plan 70 to 100 ms of CPU
 * before its first answer could be read (docs/performance.md).
 *
 * <p>A reader returns {@code null} for a JSON {@code null} and throws {@link
 * IllegalArgumentException} for anything that is not the expected shape; lists keep {@code null}
 * items for the checks that follow.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** A list of formation objects ({@code GET} and {@code PATCH /apps/{app}/formation}). */
  public static List<FormationJson> formations(String body) {
    try (JsonParser p = open(body, "formation list")) {
      if (startArray(p)) {
        return null;
      }
      List<FormationJson> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        out.add(formation(p));
      }
      return Collections.unmodifiableList(out);
    } catch (JacksonException e) {
      throw unexpected("formation list", e);
    }
  }

  /** A list of monitors ({@code GET .../formation/web/monitors}). */
  public static List<MonitorJson> monitors(String body) {
    try (JsonParser p = open(body, "monitor list")) {
      if (startArray(p)) {
        return null;
      }
      List<MonitorJson> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        out.add(monitor(p));
      }
      return Collections.unmodifiableList(out);
    } catch (JacksonException e) {
      throw unexpected("monitor list", e);
    }
  }

  /** One monitor (the answer to a create). */
  public static MonitorJson monitor(String body) {
    try (JsonParser p = open(body, "monitor")) {
      return monitor(p);
    } catch (JacksonException e) {
      throw unexpected("monitor", e);
    }
  }

  /** An app object. */
  public static AppJson app(String body) {
    try (JsonParser p = open(body, "app")) {
      return app(p);
    } catch (JacksonException e) {
      throw unexpected("app", e);
    }
  }

  /** An error body. */
  public static ErrorJson error(String body) {
    try (JsonParser p = open(body, "error")) {
      return error(p);
    } catch (JacksonException e) {
      throw unexpected("error", e);
    }
  }

  /** The body of a batch formation update; null fields are left out. */
  public static String write(BatchUpdateJson value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeName("updates");
      g.writeStartArray();
      for (BatchUpdateJson.Update u : value.updates()) {
        g.writeStartObject();
        string(g, "type", u.type());
        number(g, "quantity", u.quantity());
        if (u.dynoSize() != null) {
          g.writeName("dyno_size");
          ref(g, u.dynoSize());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString();
  }

  /** A monitor body (create, update or disable); null fields are left out. */
  public static String write(MonitorJson m) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      string(g, "id", m.id());
      string(g, "name", m.name());
      string(g, "action_type", m.actionType());
      if (m.active() != null) {
        g.writeName("is_active");
        g.writeBoolean(m.active());
      }
      string(g, "op", m.op());
      number(g, "period", m.period());
      number(g, "value", m.value());
      number(g, "min_quantity", m.minQuantity());
      number(g, "max_quantity", m.maxQuantity());
      if (m.notificationChannels() != null) {
        g.writeName("notification_channels");
        g.writeStartArray();
        for (String c : m.notificationChannels()) {
          g.writeString(c);
        }
        g.writeEndArray();
      }
      number(g, "notification_period", m.notificationPeriod());
      g.writeEndObject();
    }
    return out.toString();
  }

  // --- reading

  /** A parser standing on the body's first token. */
  private static JsonParser open(String body, String what) {
    if (body == null) {
      throw new IllegalArgumentException("no " + what + " JSON");
    }
    JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body);
    if (p.nextToken() == null) {
      p.close();
      throw new IllegalArgumentException("empty " + what + " JSON");
    }
    return p;
  }

  private static IllegalArgumentException unexpected(String what, JacksonException e) {
    return new IllegalArgumentException("unexpected " + what + " JSON", e);
  }

  private static FormationJson formation(JsonParser p) {
    if (startObject(p)) {
      return null;
    }
    NamedRef app = null;
    String command = null;
    NamedRef dynoSize = null;
    String id = null;
    Integer quantity = null;
    String size = null;
    String type = null;
    String updatedAt = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      p.nextToken();
      switch (name) {
        case "app" -> app = ref(p);
        case "command" -> command = string(p);
        case "dyno_size" -> dynoSize = ref(p);
        case "id" -> id = string(p);
        case "quantity" -> quantity = integer(p);
        case "size" -> size = string(p);
        case "type" -> type = string(p);
        case "updated_at" -> updatedAt = string(p);
        default -> p.skipChildren();
      }
    }
    return new FormationJson(app, command, dynoSize, id, quantity, size, type, updatedAt);
  }

  private static MonitorJson monitor(JsonParser p) {
    if (startObject(p)) {
      return null;
    }
    String id = null;
    String name = null;
    String actionType = null;
    Boolean active = null;
    String op = null;
    Integer period = null;
    Integer value = null;
    Integer minQuantity = null;
    Integer maxQuantity = null;
    List<String> channels = null;
    Integer notificationPeriod = null;
    for (String field = p.nextName(); field != null; field = p.nextName()) {
      p.nextToken();
      switch (field) {
        case "id" -> id = string(p);
        case "name" -> name = string(p);
        case "action_type" -> actionType = string(p);
        case "is_active" -> active = bool(p);
        case "op" -> op = string(p);
        case "period" -> period = integer(p);
        case "value" -> value = integer(p);
        case "min_quantity" -> minQuantity = integer(p);
        case "max_quantity" -> maxQuantity = integer(p);
        case "notification_channels" -> channels = strings(p);
        case "notification_period" -> notificationPeriod = integer(p);
        default -> p.skipChildren();
      }
    }
    return new MonitorJson(
        id,
        name,
        actionType,
        active,
        op,
        period,
        value,
        minQuantity,
        maxQuantity,
        channels,
        notificationPeriod);
  }

  private static AppJson app(JsonParser p) {
    if (startObject(p)) {
      return null;
    }
    String id = null;
    String name = null;
    NamedRef generation = null;
    for (String field = p.nextName(); field != null; field = p.nextName()) {
      p.nextToken();
      switch (field) {
        case "id" -> id = string(p);
        case "name" -> name = string(p);
        case "generation" -> generation = ref(p);
        default -> p.skipChildren();
      }
    }
    return new AppJson(id, name, generation);
  }

  private static ErrorJson error(JsonParser p) {
    if (startObject(p)) {
      return null;
    }
    String id = null;
    String message = null;
    String url = null;
    for (String field = p.nextName(); field != null; field = p.nextName()) {
      p.nextToken();
      switch (field) {
        case "id" -> id = string(p);
        case "message" -> message = string(p);
        case "url" -> url = string(p);
        default -> p.skipChildren();
      }
    }
    return new ErrorJson(id, message, url);
  }

  private static NamedRef ref(JsonParser p) {
    if (startObject(p)) {
      return null;
    }
    String id = null;
    String name = null;
    for (String field = p.nextName(); field != null; field = p.nextName()) {
      p.nextToken();
      switch (field) {
        case "id" -> id = string(p);
        case "name" -> name = string(p);
        default -> p.skipChildren();
      }
    }
    return new NamedRef(id, name);
  }

  private static List<String> strings(JsonParser p) {
    if (startArray(p)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(string(p));
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code true} for a JSON null; otherwise the current token must start an array. */
  private static boolean startArray(JsonParser p) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return true;
    }
    expect(p, JsonToken.START_ARRAY);
    return false;
  }

  /** {@code true} for a JSON null; otherwise the current token must start an object. */
  private static boolean startObject(JsonParser p) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return true;
    }
    expect(p, JsonToken.START_OBJECT);
    return false;
  }

  private static String string(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.VALUE_STRING);
    return p.getString();
  }

  /**
   * A whole number in {@code int} range, also when written with a point ({@code 800.0}: the metrics
   * API's monitor fields are plain JSON numbers); a fraction or a larger number is unexpected.
   */
  private static Integer integer(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("not a whole number in the range of an int: " + d);
      }
      return (int) d;
    }
    expect(p, JsonToken.VALUE_NUMBER_INT);
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw new IllegalArgumentException("a number beyond the range of an int");
    }
    return p.getIntValue();
  }

  private static Boolean bool(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw new IllegalArgumentException("expected true or false, found " + t);
    }
    return t == JsonToken.VALUE_TRUE;
  }

  private static void expect(JsonParser p, JsonToken wanted) {
    if (p.currentToken() != wanted) {
      throw new IllegalArgumentException("expected " + wanted + ", found " + p.currentToken());
    }
  }

  // --- writing

  private static void ref(JsonGenerator g, NamedRef ref) {
    g.writeStartObject();
    string(g, "id", ref.id());
    string(g, "name", ref.name());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.writeName(name);
      g.writeString(value);
    }
  }

  private static void number(JsonGenerator g, String name, Integer value) {
    if (value != null) {
      g.writeName(name);
      g.writeNumber(value);
    }
  }
}
