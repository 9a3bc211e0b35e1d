package dev.formation.cli.render;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders the local platform's status document as text for {@code formation local status}. */
public final class LocalStatusText {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The text form of a status document ({@code LocalClient.statusJson()}). */
  public String render(String statusJson) {
    JsonNode s = JSON.readTree(statusJson);
    StringBuilder b = new StringBuilder();
    if (!s.get("running").asBoolean()) {
      b.append("Local platform is not running (start it with `formation local start`).\n");
      b.append("State:      ").append(s.get("state_dir").asString()).append('\n');
      orphans(b, s.path("orphans"));
      return b.toString();
    }
    b.append("Local platform: ")
        .append(s.get("url").asString())
        .append(" (pid ")
        .append(s.get("pid").asLong())
        .append(")\n");
    b.append("Token file:     ").append(s.get("token_file").asString()).append('\n');
    b.append("State:          ").append(s.get("state_dir").asString()).append('\n');
    for (JsonNode app : s.get("apps")) {
      app(b, app);
    }
    return b.toString();
  }

  /** The dynos a daemon that died left running, and how to stop them. */
  private static void orphans(StringBuilder b, JsonNode orphans) {
    if (orphans.isEmpty()) {
      return;
    }
    b.append('\n')
        .append(orphans.size())
        .append(orphans.size() == 1 ? " dyno" : " dynos")
        .append(" left running by a daemon that died:\n");
    for (JsonNode o : orphans) {
      StringBuilder pids = new StringBuilder();
      for (JsonNode pid : o.get("pids")) {
        pids.append(pids.isEmpty() ? "" : ", ").append(pid.asLong());
      }
      b.append("  ")
          .append(Printable.escape(o.get("app").asString()))
          .append(' ')
          .append(Printable.escape(o.get("dyno").asString()))
          .append("  type ")
          .append(Printable.escape(o.get("type").asString()))
          .append("  pid ")
          .append(pids)
          .append('\n');
    }
    b.append("Stop them with `formation local stop` (or `formation local start`, which stops them")
        .append(" and starts the recorded apps again).\n");
  }

  private static void app(StringBuilder b, JsonNode app) {
    JsonNode router = app.get("router");
    b.append('\n')
        .append(app.get("name").asString())
        .append("  ")
        .append(Printable.escape(app.get("dir").asString()))
        .append('\n')
        .append("  router http://127.0.0.1:")
        .append(router.get("port").asInt());
    int requests = router.get("requests_last_minute").asInt();
    if (!router.get("listening").asBoolean()) {
      b.append(" (not listening: the port is taken; see the app's log)");
    } else if (requests > 0) {
      b.append(" (")
          .append(requests)
          .append(" requests, p95 ")
          .append(router.get("p95_ms_last_minute").asLong())
          .append(" ms in the last minute)");
    }
    b.append('\n');
    if (app.get("dynos").isEmpty()) {
      b.append("  no dynos (every process type is at 0)\n");
    }
    for (JsonNode d : app.get("dynos")) {
      String detail =
          (d.has("pid") ? "pid " + d.get("pid").asLong() : "")
              + (d.get("restarts").asInt() > 0 ? " restarts " + d.get("restarts").asInt() : "")
              + (d.has("problem") ? " " + d.get("problem").asString() : "");
      b.append(
              String.format(
                      "  %-10s %-9s %-14s %s",
                      d.get("name").asString(),
                      d.get("state").asString(),
                      d.get("size").asString(),
                      detail.strip())
                  .stripTrailing())
          .append('\n');
    }
    JsonNode auto = app.get("autoscale");
    if (auto != null) {
      b.append(
          String.format(
              "  autoscale web %d..%d, target p95 %d ms%n",
              auto.get("min").asInt(), auto.get("max").asInt(), auto.get("p95_ms_target").asInt()));
      JsonNode decisions = auto.get("decisions");
      if (!decisions.isEmpty()) {
        JsonNode last = decisions.get(decisions.size() - 1);
        int from = last.get("from").asInt();
        int to = last.get("to").asInt();
        // worded as in the log: most decisions keep the count, and "web 2 -> 2" reads as a change
        b.append("    last decision ")
            .append(last.get("at").asString())
            .append(": ")
            .append(from == to ? "keep web at " + from : "scale web " + from + " -> " + to)
            .append(", ")
            .append(last.get("reason").asString())
            .append('\n');
      }
    }
    for (JsonNode q : app.path("queues")) {
      queue(b, q);
    }
  }

  /**
   * A queue rule and its latest decision: {@code autoscale worker 1..10 on redis REDIS_URL
   * queue:default, 50 per dyno: backlog 420, desired 9}.
   */
  private static void queue(StringBuilder b, JsonNode q) {
    String type = q.get("type").asString();
    b.append(
        String.format(
            "  autoscale %s %d..%d on %s, %d per dyno: backlog %s, desired %s%n",
            type,
            q.get("min").asInt(),
            q.get("max").asInt(),
            q.get("source").asString(),
            q.get("per_dyno").asInt(),
            q.get("backlog").isNull() ? "unknown" : q.get("backlog").asString(),
            q.get("desired").isNull() ? "not decided yet" : q.get("desired").asString()));
    JsonNode last = q.get("last_decision");
    if (last != null && !last.isNull()) {
      int from = last.get("from").asInt();
      int to = last.get("to").asInt();
      String action =
          switch (last.get("action").asString()) {
            case "scale" -> "scale " + type + " " + from + " -> " + to;
            case "error" -> "error, keep " + type + " at " + from;
            default -> "keep " + type + " at " + from;
          };
      b.append("    last decision ")
          .append(last.get("at").asString())
          .append(": ")
          .append(action)
          .append(", ")
          .append(last.get("reason").asString())
          .append('\n');
    }
  }
}
