package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.daemon.AppRecord;
import dev.formation.platform.local.daemon.LocalDaemon;
import dev.formation.platform.local.daemon.MonitorRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The metrics API's web monitors, with Heroku's rules: one scale monitor, autoscale sizes only. */
public final class Monitors {
  private final LocalDaemon daemon;

  Monitors(LocalDaemon daemon) {
    this.daemon = daemon;
  }

  ArrayNode list(AppRecord a) {
    ArrayNode list = Wire.array();
    a.monitors().forEach(m -> list.add(Wire.monitor(a, m)));
    return list;
  }

  JsonNode create(String app, JsonNode body) {
    synchronized (daemon) {
      AppRecord a = daemon.app(app);
      requireObject(body);
      String action = str(body, "action_type", "scale");
      if (!action.equals("scale") && !action.equals("alert")) {
        throw ApiError.invalid("action_type must be scale or alert.");
      }
      if (action.equals("scale") && a.monitors().stream().anyMatch(MonitorRecord::scales)) {
        throw new ApiError(409, "conflict", "A scale monitor already exists for web.");
      }
      MonitorRecord m =
          merge(
              new MonitorRecord(
                  UUID.randomUUID().toString(),
                  action.equals("scale") ? "LATENCY_SCALE" : "LATENCY",
                  action,
                  true,
                  "GREATER_OR_EQUAL",
                  1,
                  1000,
                  1,
                  1,
                  List.of(),
                  1440),
              body);
      return Wire.monitor(a, save(a, m));
    }
  }

  JsonNode update(String app, String id, JsonNode body) {
    synchronized (daemon) {
      AppRecord a = daemon.app(app);
      requireObject(body);
      MonitorRecord old =
          a.monitors().stream()
              .filter(m -> m.id().equals(id))
              .findFirst()
              .orElseThrow(() -> ApiError.notFound("Couldn't find that monitor."));
      return Wire.monitor(a, save(a, merge(old, body)));
    }
  }

  private static MonitorRecord merge(MonitorRecord m, JsonNode b) {
    int max = integer(b, "max_quantity", m.maxQuantity());
    int min = integer(b, "min_quantity", m.minQuantity());
    if (min < 1 || max < min || max > 10) {
      throw ApiError.invalid("min_quantity and max_quantity must satisfy 1 <= min <= max <= 10.");
    }
    int value = integer(b, "value", m.value());
    if (value < 1 || value > 60000) {
      throw ApiError.invalid("value (the p95 target in ms) must be between 1 and 60000.");
    }
    List<String> channels = m.notificationChannels();
    JsonNode c = b.get("notification_channels");
    if (c != null) {
      if (!c.isArray()) {
        throw ApiError.invalid("notification_channels must be an array.");
      }
      List<String> list = new ArrayList<>();
      for (JsonNode x : c) {
        if (!x.isString()) {
          throw ApiError.invalid("notification_channels must be an array of strings.");
        }
        list.add(x.asString());
      }
      channels = list;
    }
    JsonNode active = b.get("is_active");
    if (active != null && !active.isBoolean()) {
      throw ApiError.invalid("is_active must be true or false.");
    }
    return new MonitorRecord(
        m.id(),
        str(b, "name", m.name()),
        m.actionType(),
        active == null ? m.active() : active.asBoolean(),
        str(b, "op", m.op()),
        integer(b, "period", m.period()),
        value,
        min,
        max,
        channels,
        integer(b, "notification_period", m.notificationPeriod()));
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiError.badRequest("Request body must be a JSON object.");
    }
  }

  private static String str(JsonNode b, String key, String fallback) {
    JsonNode n = b.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isString()) {
      throw ApiError.invalid(key + " must be a string.");
    }
    return n.asString();
  }

  private static int integer(JsonNode b, String key, int fallback) {
    JsonNode n = b.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw ApiError.invalid(key + " must be an integer.");
    }
    return n.asInt();
  }

  /** Stores a monitor; enabling autoscaling brings web's count inside [min, max]. */
  private MonitorRecord save(AppRecord a, MonitorRecord m) {
    if (m.scales() && m.active() && !webAutoscalable(a)) {
      throw new ApiError(
          403,
          "forbidden",
          "Autoscaling is only available for web dynos on "
              + "Performance, Private and Shield sizes.");
    }
    List<MonitorRecord> list = new ArrayList<>(a.monitors());
    list.removeIf(x -> x.id().equals(m.id()));
    list.add(m);
    AppRecord next = a.withMonitors(list);
    if (m.scales() && m.active()) {
      int q = next.process("web").orElseThrow().quantity();
      int clamped = Math.max(m.minQuantity(), Math.min(m.maxQuantity(), q));
      if (clamped != q) {
        next =
            next.withProcesses(
                next.processes().stream()
                    .map(
                        p ->
                            p.type().equals("web")
                                ? p.withFormation(p.size(), clamped, LocalDaemon.now())
                                : p)
                    .toList(),
                LocalDaemon.now());
      }
    }
    daemon.save(next);
    return m;
  }

  public static boolean webAutoscalable(AppRecord a) {
    return a.process("web")
        .flatMap(p -> dev.formation.catalog.Catalog.standard().find(p.size()))
        .map(dev.formation.catalog.Size::autoscale)
        .orElse(false);
  }
}
