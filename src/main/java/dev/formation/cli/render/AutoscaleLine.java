package dev.formation.cli.render;

import dev.formation.ops.autoscale.QueueEvent;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One decision of {@code formation autoscale} as one line of JSON ({@code
 * schemas/autoscale.schema.json}): the moment, app, type, backlog, current and desired counts, the
 * action and why. A value that is unknown (a backlog that could not be read) is {@code null}.
 */
public final class AutoscaleLine {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AutoscaleLine() {}

  public static String json(QueueEvent e) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", e.time().truncatedTo(ChronoUnit.MILLIS).toString());
    line.put("app", e.app());
    line.put("type", e.type());
    if (e.backlog() == null) {
      line.putNull("backlog");
    } else {
      line.put("backlog", e.backlog());
    }
    if (e.current() == null) {
      line.putNull("current");
      line.putNull("desired");
    } else {
      line.put("current", e.current());
      line.put("desired", e.desired());
    }
    line.put("action", e.action().word());
    line.put("reason", e.reason());
    return JSON.writeValueAsString(line);
  }
}
