package dev.formation.platform.local.daemon.api;

import dev.formation.catalog.Size;
import dev.formation.platform.local.daemon.AppRecord;
import dev.formation.platform.local.daemon.MonitorRecord;
import dev.formation.platform.local.daemon.ProcessRecord;
import dev.formation.platform.local.daemon.supervisor.Dyno;
import dev.formation.platform.local.state.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the JSON objects of the Heroku API contract from the local platform's state. */
final class Wire {
  static final String ACCOUNT_ID = uuid("account:local");

  private Wire() {}

  static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return Json.MAPPER.createArrayNode();
  }

  static ObjectNode error(String id, String message) {
    return object().put("id", id).put("message", message);
  }

  static ObjectNode account() {
    return object()
        .put("id", ACCOUNT_ID)
        .put("email", "local@formation.localhost")
        .put("name", "formation local")
        .put("verified", true)
        .put("two_factor_authentication", false)
        .put("created_at", "2026-01-01T00:00:00Z")
        .put("updated_at", "2026-01-01T00:00:00Z");
  }

  static ObjectNode app(AppRecord a) {
    ObjectNode n = object().put("id", a.id()).put("name", a.name());
    n.putObject("generation").put("id", uuid("generation:cedar")).put("name", "cedar");
    n.putObject("owner").put("id", ACCOUNT_ID).put("email", "local@formation.localhost");
    n.putObject("region").put("id", uuid("region:local")).put("name", "local");
    n.putObject("stack").put("id", uuid("stack:local")).put("name", "heroku-24");
    n.putNull("space");
    n.putNull("organization");
    n.putNull("team");
    n.putObject("build_stack").put("id", uuid("stack:local")).put("name", "heroku-24");
    n.putNull("archived_at");
    n.putNull("buildpack_provided_description");
    n.putNull("internal_routing");
    n.put("acm", false)
        .put("git_url", "")
        .put("repo_size", 0)
        .put("slug_size", 0)
        .put("maintenance", false)
        .put("created_at", a.createdAt())
        .put("updated_at", a.updatedAt())
        .put("released_at", a.updatedAt())
        .put("web_url", "http://127.0.0.1:" + a.port() + "/");
    n.putObject("local")
        .put("dir", a.dir())
        .put("port", a.port())
        .set("queues", QueueWire.json(a.queues()));
    return n;
  }

  static ObjectNode appRef(AppRecord a) {
    return object().put("id", a.id()).put("name", a.name());
  }

  static ObjectNode formation(AppRecord a, ProcessRecord p) {
    ObjectNode n = object();
    n.set("app", appRef(a));
    n.put("command", p.command()).put("created_at", p.createdAt());
    n.putObject("dyno_size").put("id", sizeId(p.size())).put("name", p.size());
    return n.put("id", p.id())
        .put("quantity", p.quantity())
        .put("size", p.size())
        .put("type", p.type())
        .put("updated_at", p.updatedAt());
  }

  static ObjectNode dyno(AppRecord a, Dyno d) {
    ObjectNode n =
        object()
            .put("id", d.id())
            .put("name", d.name())
            .put("type", d.type())
            .put("state", d.state())
            .put("size", d.size())
            .put("command", d.command())
            .put("created_at", d.createdAt().toString())
            .put("updated_at", d.updatedAt().toString());
    n.putNull("attach_url");
    n.putObject("release").put("id", uuid("release:" + a.id())).put("version", 1);
    n.set("app", appRef(a));
    return n;
  }

  static ObjectNode size(Size s) {
    ObjectNode n =
        object()
            .put("id", sizeId(s.name()))
            .put("name", s.name())
            .put("architecture", "amd64")
            .put("compute", 1)
            .put("dedicated", s.tier().word().matches("performance|private|shield"))
            .put("memory", s.memoryMb() / 1024.0)
            .put("private_space_only", s.tier().word().matches("private|shield"))
            .put("precise_dyno_units", 1.0);
    n.putObject("cost").put("cents", s.usdPerMonth() * 100).put("unit", "month");
    n.putObject("generation")
        .put("id", uuid("generation:" + s.generation().name()))
        .put("name", s.generation().name().toLowerCase(java.util.Locale.ROOT));
    return n;
  }

  static ObjectNode monitor(AppRecord a, MonitorRecord m) {
    ObjectNode n =
        object()
            .put("id", m.id())
            .put("app_id", a.id())
            .put("process_type", "web")
            .put("name", m.name())
            .put("action_type", m.actionType())
            .put("is_active", m.active())
            .put("op", m.op())
            .put("period", m.period())
            .put("value", m.value())
            .put("min_quantity", m.minQuantity())
            .put("max_quantity", m.maxQuantity())
            .put("notification_period", m.notificationPeriod());
    ArrayNode channels = n.putArray("notification_channels");
    m.notificationChannels().forEach(channels::add);
    return n;
  }

  static String sizeId(String name) {
    return uuid("size:" + name.toLowerCase(java.util.Locale.ROOT));
  }

  /** A stable UUID for a name, so ids survive daemon restarts without being stored. */
  static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
