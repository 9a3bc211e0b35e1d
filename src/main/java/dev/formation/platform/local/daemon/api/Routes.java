package dev.formation.platform.local.daemon.api;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Tier;
import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.AppRecord;
import dev.formation.platform.local.daemon.LocalDaemon;
import dev.formation.platform.local.daemon.ProcessRecord;
import dev.formation.platform.local.daemon.api.FormationRules.Update;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Maps API paths to the daemon: the Heroku subset, the metrics monitors and {@code /local}. */
final class Routes {
  /** A status, a JSON body, and what to do once the client has it. */
  record Reply(int status, JsonNode body, Runnable afterSend) {
    Reply(int status, JsonNode body) {
      this(status, body, () -> {});
    }
  }

  private final LocalDaemon daemon;
  private final Monitors monitors;

  Routes(LocalDaemon daemon) {
    this.daemon = daemon;
    this.monitors = new Monitors(daemon);
  }

  /**
   * An app as {@code GET /apps/NAME} answers it, its {@code local} block saying whether its router
   * listens: one whose port another program took when the daemon started does not, which a plan
   * reports.
   */
  private JsonNode appWithRouter(AppRecord a) {
    ObjectNode n = Wire.app(a);
    ((ObjectNode) n.get("local")).put("listening", daemon.routers().listening(a.name()));
    return n;
  }

  /**
   * @param query the request's query parameters; only formation's own endpoints read any
   */
  Reply handle(String method, String path, Map<String, List<String>> query, JsonNode body) {
    String[] s = segments(path);
    String route = method + " " + shape(s);
    return switch (route) {
      case "GET /account" -> ok(Wire.account());
      case "GET /account/rate-limits" -> ok(Wire.object().put("remaining", 4500));
      case "GET /apps", "GET /users/*/apps" -> ok(apps());
      // what `heroku apps:info` also asks; a local app has none of these
      case "GET /apps/*/addons", "GET /apps/*/collaborators" -> empty(s[1]);
      case "GET /apps/*" -> ok(appWithRouter(daemon.app(s[1])));
      case "PUT /apps/*" ->
          ok(Wire.app(daemon.register(s[1], text(body, "dir"), port(body), QueueWire.read(body))));
      case "DELETE /apps/*" -> delete(s[1]);
      case "GET /apps/*/formation" -> ok(formations(daemon.app(s[1])));
      case "PATCH /apps/*/formation" -> ok(batch(s[1], body));
      case "GET /apps/*/formation/*" -> ok(formation(daemon.app(s[1]), s[3]));
      case "PATCH /apps/*/formation/*" -> ok(single(s[1], s[3], body));
      case "POST /apps/*/log-sessions" -> new Reply(201, logSession(s[1], body));
      case "GET /apps/*/dynos" -> ok(dynos(daemon.app(s[1])));
      case "GET /apps/*/dynos/*" ->
          ok(
              dynos(daemon.app(s[1]))
                  .valueStream()
                  .filter(
                      d ->
                          d.get("name").asString().equals(s[3])
                              || d.get("id").asString().equals(s[3]))
                  .findFirst()
                  .orElseThrow(() -> ApiError.notFound("Couldn't find that dyno.")));
      case "DELETE /apps/*/dynos" -> restarted(daemon.restart(s[1], null));
      case "DELETE /apps/*/dynos/*" -> restarted(daemon.restart(s[1], s[3]));
      case "GET /dyno-sizes" -> ok(sizes());
      case "GET /dyno-sizes/*" ->
          ok(
              Wire.size(
                  Catalog.standard()
                      .find(s[1])
                      .orElseThrow(() -> ApiError.notFound("Couldn't find that dyno size."))));
      case "GET /apps/*/formation/web/monitors" -> ok(monitors.list(daemon.app(s[1])));
      case "POST /apps/*/formation/web/monitors" -> new Reply(201, monitors.create(s[1], body));
      case "PATCH /apps/*/formation/web/monitors/*" ->
          new Reply(202, monitors.update(s[1], s[5], body));
      case "GET /local/status" -> ok(new StatusView(daemon).json());
      case "GET /local/logs" -> ok(LogsView.json(daemon.logFiles(), query));
      case "GET /local/router/history" -> ok(RouterHistoryView.json(daemon, query));
      case "POST /local/shutdown" -> shutdown();
      default ->
          throw ApiError.notFound(
              "The requested API endpoint was not found. "
                  + method
                  + " "
                  + path
                  + " is not served by the local platform.");
    };
  }

  private static Reply restarted(int count) {
    if (count == 0) {
      throw ApiError.notFound("Couldn't find that dyno.");
    }
    return ok(Wire.object());
  }

  private JsonNode logSession(String idOrName, JsonNode body) {
    AppRecord a = daemon.app(idOrName);
    JsonNode lines = body == null ? null : body.get("lines");
    JsonNode tail = body == null ? null : body.get("tail");
    String id =
        daemon
            .logSessions()
            .open(
                a.name(),
                AppLog.fileOf(daemon.settings().logsDir(), a.name()),
                lines == null || !lines.canConvertToInt() ? 100 : lines.asInt(),
                tail != null && tail.isBoolean() && tail.asBoolean(),
                text(body, "dyno"));
    String now = LocalDaemon.now();
    return Wire.object()
        .put("id", Wire.uuid("log-session:" + id))
        .put("logplex_url", daemon.url() + LogSessions.PREFIX + id)
        .put("created_at", now)
        .put("updated_at", now);
  }

  private Reply empty(String app) {
    daemon.app(app);
    return ok(Wire.array());
  }

  private Reply delete(String app) {
    JsonNode gone = Wire.app(daemon.app(app));
    // answered once its dynos are down, so a client may reuse the name or folder at once
    daemon.unregister(app).join();
    return ok(gone);
  }

  private Reply shutdown() {
    // closing stops this very server, so it starts only once the answer is out
    return new Reply(
        202,
        Wire.object().put("message", "Stopping every dyno, then the daemon."),
        () -> new Thread(daemon::close, "local-shutdown").start());
  }

  private ArrayNode apps() {
    ArrayNode list = Wire.array();
    daemon.apps().forEach(a -> list.add(Wire.app(a)));
    return list;
  }

  private static ArrayNode formations(AppRecord a) {
    ArrayNode list = Wire.array();
    a.processes().forEach(p -> list.add(Wire.formation(a, p)));
    return list;
  }

  private static JsonNode formation(AppRecord a, String idOrType) {
    return a.processes().stream()
        .filter(p -> p.type().equals(idOrType) || p.id().equals(idOrType))
        .findFirst()
        .map(p -> (JsonNode) Wire.formation(a, p))
        .orElseThrow(
            () -> ApiError.notFound("Couldn't find that process type (" + idOrType + ")."));
  }

  private JsonNode batch(String app, JsonNode body) {
    JsonNode list = body == null ? null : body.get("updates");
    if (list == null || !list.isArray()) {
      throw ApiError.invalid("Request body must be {\"updates\": [...]}.");
    }
    List<Update> updates = new ArrayList<>();
    list.forEach(n -> updates.add(FormationRules.parse(n, null)));
    AppRecord a = daemon.updateFormation(app, updates);
    ArrayNode out = Wire.array();
    // Heroku answers a batch with the formation of the types it was asked about
    for (Update u : updates) {
      a.process(u.type()).ifPresent(p -> out.add(Wire.formation(a, p)));
    }
    return out;
  }

  private JsonNode single(String app, String idOrType, JsonNode body) {
    AppRecord before = daemon.app(app);
    String type =
        before.processes().stream()
            .filter(p -> p.id().equals(idOrType))
            .map(ProcessRecord::type)
            .findFirst()
            .orElse(idOrType);
    AppRecord a = daemon.updateFormation(app, List.of(FormationRules.parse(body, type)));
    return formation(a, type);
  }

  private ArrayNode dynos(AppRecord a) {
    ArrayNode list = Wire.array();
    daemon.dynos(a).forEach(d -> list.add(Wire.dyno(a, d)));
    return list;
  }

  private static ArrayNode sizes() {
    ArrayNode list = Wire.array();
    Catalog.standard().all().stream()
        .filter(s -> s.tier() != Tier.FIR)
        .forEach(s -> list.add(Wire.size(s)));
    return list;
  }

  private static Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  static String text(JsonNode body, String key) {
    JsonNode n = body == null ? null : body.get(key);
    return n == null || !n.isString() ? null : n.asString();
  }

  private static int port(JsonNode body) {
    JsonNode n = body == null ? null : body.get("port");
    if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
      throw ApiError.invalid(
          "Registering a local app needs {\"dir\": \"/abs/path\", \"port\": N}.");
    }
    return n.asInt();
  }

  private static String[] segments(String path) {
    String[] raw = path.replaceAll("^/+|/+$", "").split("/+");
    for (int i = 0; i < raw.length; i++) {
      raw[i] = URLDecoder.decode(raw[i], StandardCharsets.UTF_8);
    }
    return raw;
  }

  /** The path with its ids replaced by stars, as in {@code GET /apps/ * /formation}. */
  private static String shape(String[] s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length; i++) {
      boolean literal =
          i % 2 == 0
              || s[0].equals("account")
              || s[0].equals("local")
              || (i == 3 && s.length > 4 && s[3].equals("web"));
      b.append('/').append(literal ? s[i] : "*");
    }
    return b.toString();
  }
}
