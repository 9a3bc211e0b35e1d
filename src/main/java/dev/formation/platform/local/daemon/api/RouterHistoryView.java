package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.daemon.AppRecord;
import dev.formation.platform.local.daemon.LocalDaemon;
import dev.formation.platform.local.daemon.RouterMinute;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /local/router/history}: each app's router over the last hour, minute by minute, for
 * the charts of {@code formation ui}: {@code {"apps": [{"name", "minutes": [{"start", "seconds",
 * "requests", "errors_5xx", "p95_ms"}]}]}}, oldest minute first, the current one last. {@code
 * app=NAME} keeps to one app (404 when it is not registered). An app whose router does not listen
 * has no minutes; a router keeps them from its start, so a restarted daemon starts afresh.
 */
final class RouterHistoryView {
  private RouterHistoryView() {}

  static JsonNode json(LocalDaemon daemon, Map<String, List<String>> query) {
    List<String> only = query.get("app");
    List<AppRecord> apps =
        only == null || only.isEmpty()
            ? daemon.apps()
            : List.of(daemon.app(only.get(only.size() - 1)));
    ObjectNode out = Wire.object();
    ArrayNode list = out.putArray("apps");
    for (AppRecord a : apps) {
      ObjectNode app = list.addObject().put("name", a.name());
      ArrayNode minutes = app.putArray("minutes");
      for (RouterMinute m : daemon.routers().lastHour(a.name())) {
        minutes
            .addObject()
            .put("start", m.start().toString())
            .put("seconds", m.seconds())
            .put("requests", m.requests())
            .put("errors_5xx", m.errors())
            .put("p95_ms", m.p95());
      }
    }
    return out;
  }
}
