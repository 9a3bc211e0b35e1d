package dev.formation.testing;

import dev.formation.catalog.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The metrics API's monitor rules: only web, only autoscale-capable Cedar sizes (else 403), one
 * scale monitor per formation (else 409), strict field names and types (else 422).
 */
final class FakeMonitors {
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "action_type",
          "is_active",
          "op",
          "period",
          "value",
          "min_quantity",
          "max_quantity",
          "notification_channels",
          "notification_period");

  private FakeMonitors() {}

  static FakeApp.Monitor create(FakeApp app, String type, JsonNode body) throws FakeError {
    checkKeys(body);
    for (String required : List.of("name", "action_type", "op", "period")) {
      if (!body.has(required)) {
        throw FakeError.invalid("Invalid params: `" + required + "` is required.");
      }
    }
    String action = text(body, "action_type");
    if (!action.equals("scale") && !action.equals("alert")) {
      throw FakeError.invalid("Invalid params: `action_type` must be scale or alert.");
    }
    FakeApp.Monitor m =
        new FakeApp.Monitor(
            UUID.randomUUID().toString(),
            text(body, "name"),
            action,
            false,
            "GREATER_OR_EQUAL",
            1,
            1000,
            1,
            1,
            List.of(),
            1440);
    if (action.equals("scale")) {
      checkAutoscale(app, type);
      if (app.monitors.stream().anyMatch(x -> x.actionType.equals("scale"))) {
        throw new FakeError(409, "conflict", "A scale monitor already exists for this formation.");
      }
    }
    set(m, body);
    if (action.equals("scale") && !m.name.equals("LATENCY_SCALE")) {
      throw FakeError.invalid("Invalid params: a scale monitor is named LATENCY_SCALE.");
    }
    checkBand(app, m);
    app.monitors.add(m);
    return m;
  }

  static FakeApp.Monitor update(FakeApp app, String type, String monitorId, JsonNode body)
      throws FakeError {
    checkKeys(body);
    if (!body.has("op") || !body.has("period")) {
      throw FakeError.invalid("Invalid params: `op` and `period` are required.");
    }
    FakeApp.Monitor m =
        app.monitors.stream()
            .filter(x -> x.id.equals(monitorId))
            .findFirst()
            .orElseThrow(() -> FakeError.notFound("Couldn't find that monitor."));
    FakeApp.Monitor next = m.copy();
    set(next, body);
    if (next.actionType.equals("scale") && next.active) {
      checkAutoscale(app, type);
    }
    checkBand(app, next);
    set(m, body);
    return m;
  }

  private static void checkAutoscale(FakeApp app, String type) throws FakeError {
    FakeApp.Proc web = app.formation.get(type);
    Size size = web == null ? null : web.size;
    if (!type.equals("web") || size == null || !size.autoscale() || app.generation.equals("fir")) {
      throw new FakeError(
          403,
          "forbidden",
          "Autoscaling is only available for web dynos on Performance, Private or Shield sizes.");
    }
  }

  private static void checkBand(FakeApp app, FakeApp.Monitor m) throws FakeError {
    if (!m.actionType.equals("scale")) {
      return;
    }
    FakeApp.Proc web = app.formation.get("web");
    int limit = web == null ? 10 : web.size.maxPerType();
    if (m.minQuantity < 1 || m.minQuantity > m.maxQuantity || m.maxQuantity > limit) {
      throw FakeError.invalid(
          "Invalid params: need 1 <= min_quantity <= max_quantity <= " + limit + ".");
    }
    if (m.value < 1) {
      throw FakeError.invalid("Invalid params: `value` must be positive.");
    }
  }

  private static void checkKeys(JsonNode body) throws FakeError {
    if (!body.isObject()) {
      throw FakeError.invalid("Invalid params: a monitor is a JSON object.");
    }
    for (String key : body.propertyNames()) {
      if (!KEYS.contains(key)) {
        throw FakeError.invalid("Invalid params: unexpected key `" + key + "`.");
      }
    }
  }

  private static void set(FakeApp.Monitor m, JsonNode b) throws FakeError {
    if (b.has("name")) {
      m.name = text(b, "name");
    }
    if (b.has("is_active")) {
      if (!b.get("is_active").isBoolean()) {
        throw FakeError.invalid("Invalid params: `is_active` must be a boolean.");
      }
      m.active = b.get("is_active").booleanValue();
    }
    m.op = b.has("op") ? text(b, "op") : m.op;
    if (!m.op.equals("GREATER_OR_EQUAL") && !m.op.equals("LESS_OR_EQUAL")) {
      throw FakeError.invalid("Invalid params: unknown `op`.");
    }
    m.period = b.has("period") ? integer(b, "period") : m.period;
    m.value = b.has("value") ? integer(b, "value") : m.value;
    m.minQuantity = b.has("min_quantity") ? integer(b, "min_quantity") : m.minQuantity;
    m.maxQuantity = b.has("max_quantity") ? integer(b, "max_quantity") : m.maxQuantity;
    m.notificationPeriod =
        b.has("notification_period") ? integer(b, "notification_period") : m.notificationPeriod;
    if (b.has("notification_channels")) {
      JsonNode c = b.get("notification_channels");
      List<String> channels = new ArrayList<>();
      if (!c.isArray()) {
        throw FakeError.invalid("Invalid params: `notification_channels` must be an array.");
      }
      for (JsonNode x : c) {
        if (!x.isString() || !Set.of("app", "email").contains(x.stringValue())) {
          throw FakeError.invalid("Invalid params: unknown notification channel.");
        }
        channels.add(x.stringValue());
      }
      m.notificationChannels = List.copyOf(channels);
    }
  }

  private static String text(JsonNode b, String key) throws FakeError {
    if (!b.get(key).isString()) {
      throw FakeError.invalid("Invalid params: `" + key + "` must be a string.");
    }
    return b.get(key).stringValue();
  }

  private static int integer(JsonNode b, String key) throws FakeError {
    JsonNode n = b.get(key);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw FakeError.invalid("Invalid params: `" + key + "` must be an integer.");
    }
    return n.intValue();
  }
}
