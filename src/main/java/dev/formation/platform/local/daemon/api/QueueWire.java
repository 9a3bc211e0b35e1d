package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.daemon.QueueRecord;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registration's queue rules on the wire ({@code PUT /apps/{name}} and the {@code local} object
 * of {@code GET /apps/{name}}): {@code {"type", "min", "max", "per_dyno", "scale_down_after_s",
 * "interval_s", "url_env", "redis_lists" | "postgres_query"}}.
 */
final class QueueWire {
  private QueueWire() {}

  static List<QueueRecord> read(JsonNode body) {
    JsonNode list = body == null ? null : body.get("queues");
    List<QueueRecord> queues = new ArrayList<>();
    if (list == null || list.isNull()) {
      return queues;
    }
    if (!list.isArray()) {
      throw ApiError.invalid("queues must be a list of queue rules");
    }
    for (JsonNode q : list) {
      try {
        List<String> lists = new ArrayList<>();
        q.path("redis_lists").forEach(l -> lists.add(l.asString()));
        queues.add(
            new QueueRecord(
                Routes.text(q, "type"),
                integer(q, "min"),
                integer(q, "max"),
                integer(q, "per_dyno"),
                integer(q, "scale_down_after_s"),
                integer(q, "interval_s"),
                Routes.text(q, "url_env"),
                lists,
                Routes.text(q, "postgres_query")));
      } catch (IllegalArgumentException e) {
        throw ApiError.invalid("invalid queue rule: " + e.getMessage());
      }
    }
    return queues;
  }

  private static int integer(JsonNode q, String key) {
    JsonNode n = q.get(key);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new IllegalArgumentException(key + " must be a whole number");
    }
    return n.asInt();
  }

  static ArrayNode json(List<QueueRecord> queues) {
    ArrayNode list = Wire.array();
    for (QueueRecord q : queues) {
      ObjectNode n = band(list.addObject(), q).put("url_env", q.urlEnv());
      if (q.query() == null) {
        ArrayNode lists = n.putArray("redis_lists");
        q.lists().forEach(lists::add);
      } else {
        n.put("postgres_query", q.query());
      }
    }
    return list;
  }

  /**
   * The fields every view of a queue rule starts with: its type, band, per-dyno share and timings
   * ({@code GET /apps/{name}} and {@code /local/status} alike).
   */
  static ObjectNode band(ObjectNode n, QueueRecord q) {
    return n.put("type", q.type())
        .put("min", q.min())
        .put("max", q.max())
        .put("per_dyno", q.perDyno())
        .put("scale_down_after_s", q.scaleDownAfterSeconds())
        .put("interval_s", q.intervalSeconds());
  }
}
