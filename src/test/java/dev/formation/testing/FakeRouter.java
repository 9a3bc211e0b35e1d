package dev.formation.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** Routes one authenticated request of the fake to the endpoint that answers it. */
final class FakeRouter {
  private static final Pattern APP = Pattern.compile("/apps/([^/]+)");
  private static final Pattern FORMATION = Pattern.compile("/apps/([^/]+)/formation(?:/([^/]+))?");
  private static final Pattern MONITORS =
      Pattern.compile("/apps/([^/]+)/formation/([^/]+)/monitors(?:/([^/]+))?");
  private static final Pattern RANGE =
      Pattern.compile("(id|type) (\\]?)([^.;\\s]*)\\.\\.(?:;\\s*max=(\\d+))?\\s*");

  private final Map<String, FakeApp> apps;
  private final Map<String, FakeApp> appsById;
  private final int pageSize;

  FakeRouter(Map<String, FakeApp> apps, Map<String, FakeApp> appsById, int pageSize) {
    this.apps = apps;
    this.appsById = appsById;
    this.pageSize = pageSize;
  }

  /** Accepts Heroku's v3 media type, as the platform sends it or as the CLI's SDK does. */
  static boolean acceptable(String accept) {
    if (accept == null) {
      return false;
    }
    String[] parts = accept.split(";");
    if (!parts[0].trim().equalsIgnoreCase("application/vnd.heroku+json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().replace(" ", "");
      if (p.equals("version=3") || p.equals("version=3.sdk")) {
        return true;
      }
    }
    return false;
  }

  FakeResponse route(String method, String path, String body, String range, AtomicInteger budget) {
    try {
      Matcher m;
      if (method.equals("GET") && path.equals("/account")) {
        return FakeResponse.json(
            200,
            FakeJson.object()
                .put("id", "11111111-2222-3333-4444-555555555555")
                .put("email", "developer@example.com"));
      }
      if (method.equals("GET") && path.equals("/account/rate-limits")) {
        return FakeResponse.json(200, FakeJson.object().put("remaining", budget.get()));
      }
      if ((m = MONITORS.matcher(path)).matches()) {
        return monitors(method, appById(m.group(1)), m.group(2), m.group(3), body);
      }
      if ((m = FORMATION.matcher(path)).matches()) {
        FakeApp app = app(m.group(1));
        return m.group(2) == null
            ? formation(method, app, body, range)
            : oneType(method, app, m.group(2), body);
      }
      if ((m = APP.matcher(path)).matches() && method.equals("GET")) {
        FakeApp app = app(m.group(1));
        synchronized (app) {
          return FakeResponse.json(200, FakeJson.app(app));
        }
      }
      return FakeResponse.error(404, "not_found", "The requested API endpoint was not found.");
    } catch (FakeError e) {
      return FakeResponse.error(e);
    }
  }

  private FakeResponse formation(String method, FakeApp app, String body, String range)
      throws FakeError {
    if (method.equals("GET")) {
      return list(app, range);
    }
    if (!method.equals("PATCH")) {
      throw FakeError.notFound("The requested API endpoint was not found.");
    }
    JsonNode json = FakeJson.parse(body);
    synchronized (app) {
      var updates = FakeFormationRules.parseBatch(app, json);
      ArrayNode out = FakeJson.array();
      FakeFormationRules.apply(app, updates).forEach(p -> out.add(FakeJson.formation(app, p)));
      return FakeResponse.json(200, out);
    }
  }

  private FakeResponse oneType(String method, FakeApp app, String type, String body)
      throws FakeError {
    synchronized (app) {
      FakeApp.Proc p = app.formation.get(type);
      if (p == null) {
        throw FakeError.notFound("Couldn't find that process type (" + type + ").");
      }
      if (method.equals("GET")) {
        return FakeResponse.json(200, FakeJson.formation(app, p));
      }
      if (!method.equals("PATCH")) {
        throw FakeError.notFound("The requested API endpoint was not found.");
      }
      var update =
          FakeFormationRules.parseOne(
              app, type, FakeJson.parse(body), Set.of("quantity", "size", "dyno_size"));
      return FakeResponse.json(
          200, FakeJson.formation(app, FakeFormationRules.apply(app, List.of(update)).get(0)));
    }
  }

  private FakeResponse list(FakeApp app, String range) throws FakeError {
    String field = "type";
    String start = "";
    boolean exclusive = false;
    int max = pageSize;
    if (range != null) {
      Matcher r = RANGE.matcher(range);
      if (!r.matches()) {
        throw new FakeError(400, "bad_request", "Invalid Range header: " + range);
      }
      field = r.group(1);
      exclusive = !r.group(2).isEmpty();
      start = r.group(3);
      max =
          r.group(4) == null
              ? pageSize
              : Math.min(Math.min(Integer.parseInt(r.group(4)), 1000), pageSize);
    }
    List<FakeApp.Proc> sorted;
    synchronized (app) {
      sorted = new ArrayList<>(app.formation.values());
    }
    boolean byId = field.equals("id");
    sorted.sort(Comparator.comparing(p -> byId ? p.id : p.type));
    ArrayNode out = FakeJson.array();
    String last = null;
    int taken = 0;
    int left = 0;
    for (FakeApp.Proc p : sorted) {
      String key = byId ? p.id : p.type;
      int cmp = start.isEmpty() ? 1 : key.compareTo(start);
      if (cmp < 0 || (cmp == 0 && exclusive)) {
        continue;
      }
      if (taken < max) {
        synchronized (app) {
          out.add(FakeJson.formation(app, p));
        }
        last = key;
        taken++;
      } else {
        left++;
      }
    }
    if (left == 0) {
      return FakeResponse.json(200, out);
    }
    return new FakeResponse(
        206, out.toString(), Map.of("Next-Range", field + " ]" + last + "..; max=" + max));
  }

  private FakeResponse monitors(String method, FakeApp app, String type, String id, String body)
      throws FakeError {
    synchronized (app) {
      if (id == null && method.equals("GET")) {
        ArrayNode out = FakeJson.array();
        if (type.equals("web")) {
          app.monitors.forEach(x -> out.add(FakeJson.monitor(x)));
        }
        return FakeResponse.json(200, out);
      }
      if (id == null && method.equals("POST")) {
        return FakeResponse.json(
            201, FakeJson.monitor(FakeMonitors.create(app, type, FakeJson.parse(body))));
      }
      if (id != null && method.equals("PATCH")) {
        return FakeResponse.json(
            202, FakeJson.monitor(FakeMonitors.update(app, type, id, FakeJson.parse(body))));
      }
      throw FakeError.notFound("The requested API endpoint was not found.");
    }
  }

  private FakeApp app(String nameOrId) throws FakeError {
    FakeApp app = apps.get(nameOrId);
    if (app == null) {
      app = appsById.get(nameOrId);
    }
    if (app == null) {
      throw FakeError.notFound("Couldn't find that app.");
    }
    return app;
  }

  /** The metrics API addresses apps by UUID only. */
  private FakeApp appById(String id) throws FakeError {
    FakeApp app = appsById.get(id);
    if (app == null) {
      throw FakeError.notFound("Couldn't find that app.");
    }
    return app;
  }
}
