package dev.formation.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How the fake reads request bodies and renders Heroku's JSON objects. */
final class FakeJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private FakeJson() {}

  static JsonNode parse(String body) throws FakeError {
    try {
      JsonNode node = MAPPER.readTree(body == null ? "" : body);
      if (node == null || node.isMissingNode()) {
        throw new FakeError(400, "bad_request", "Request body is not valid JSON.");
      }
      return node;
    } catch (JacksonException e) {
      throw new FakeError(400, "bad_request", "Request body is not valid JSON.");
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static String error(String id, String message) {
    return object().put("id", id).put("message", message).toString();
  }

  /**
   * The time as Heroku's timestamps show it: whole seconds in UTC ({@code 2012-01-01T12:00:00Z},
   * the schema's own example), never the nanoseconds of {@code Instant.now()}.
   */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** A size's id: stable per name, as Heroku's are. */
  static String sizeId(String canonicalName) {
    return UUID.nameUUIDFromBytes(canonicalName.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static ObjectNode formation(FakeApp app, FakeApp.Proc p) {
    ObjectNode o = object();
    o.putObject("app").put("id", app.id).put("name", app.name);
    o.put("command", p.command);
    o.put("created_at", p.createdAt.toString());
    o.putObject("dyno_size").put("id", sizeId(p.size.name())).put("name", p.size.name());
    o.put("id", p.id);
    o.put("quantity", p.quantity);
    o.put("size", p.size.name());
    o.put("type", p.type);
    o.put("updated_at", p.updatedAt.toString());
    return o;
  }

  static ObjectNode app(FakeApp app) {
    ObjectNode o = object();
    o.put("id", app.id);
    o.put("name", app.name);
    o.putObject("generation").put("id", sizeId(app.generation)).put("name", app.generation);
    o.putNull("space");
    return o;
  }

  static ObjectNode monitor(FakeApp.Monitor m) {
    ObjectNode o = object();
    o.put("id", m.id);
    o.put("name", m.name);
    o.put("action_type", m.actionType);
    o.put("is_active", m.active);
    o.put("op", m.op);
    o.put("period", m.period);
    o.put("value", m.value);
    o.put("min_quantity", m.minQuantity);
    o.put("max_quantity", m.maxQuantity);
    ArrayNode channels = o.putArray("notification_channels");
    m.notificationChannels.forEach(channels::add);
    o.put("notification_period", m.notificationPeriod);
    return o;
  }
}
