package dev.formation.platform.heroku;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import dev.formation.platform.heroku.api.AppJson;
import dev.formation.platform.heroku.api.BatchUpdateJson;
import dev.formation.platform.heroku.api.FormationJson;
import dev.formation.platform.heroku.api.Json;
import dev.formation.platform.heroku.api.MonitorJson;
import dev.formation.platform.heroku.api.NamedRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * The Heroku Platform API adapter. A read costs one formation request (more only when Heroku pages
 * the list) plus, when asked, one monitors request; thread-safe, so apps can be read and applied in
 * parallel through one instance.
 */
public final class HerokuPlatform implements Platform {
  private static final TypeReference<List<FormationJson>> FORMATIONS = new TypeReference<>() {};
  private static final TypeReference<List<MonitorJson>> MONITORS = new TypeReference<>() {};
  private static final int MAX_PAGES = 1000;

  private final HerokuConfig config;
  private final HerokuHttp http;

  public HerokuPlatform(HerokuConfig config) {
    this.config = config;
    this.http = new HerokuHttp(config);
  }

  @Override
  public LiveApp read(Target target) throws PlatformException {
    return read(target.app(), true);
  }

  /**
   * Reads an app by name: its formation and, when {@code readMonitor} is set and web runs on a size
   * that can autoscale, its web scale monitor.
   */
  public LiveApp read(String app, boolean readMonitor) throws PlatformException {
    List<FormationJson> list = readFormation(app);
    String id = list.isEmpty() || list.get(0).app() == null ? null : list.get(0).app().id();
    String generation;
    if (id == null && (list.isEmpty() || readMonitor)) {
      // the formation list carries the id; only without it is the app itself asked for
      AppJson a = parse(http.send("GET", api("apps", app), null, null, app), AppJson.class);
      id = a.id();
      generation = a.generation() == null ? "cedar" : a.generation().name();
    } else {
      generation = WireMapping.generation(list);
    }
    List<LiveProcess> processes = WireMapping.processes(list);
    LiveMonitor monitor =
        readMonitor && id != null && webCanAutoscale(processes) ? readScaleMonitor(id) : null;
    return new LiveApp(app, id, generation, processes, monitor);
  }

  /**
   * Monitors exist only for web on Performance, Private or Shield sizes; asking elsewhere would
   * spend a request of the hourly budget on an answer known in advance.
   */
  private static boolean webCanAutoscale(List<LiveProcess> processes) {
    return processes.stream()
        .filter(p -> p.type().equals("web"))
        .anyMatch(p -> Catalog.standard().find(p.size()).map(Size::autoscale).orElse(false));
  }

  @Override
  public LiveApp apply(Target target, LiveApp app, Write write) throws PlatformException {
    if (write instanceof Write.UpdateFormation w) {
      return updateFormation(app, w.updates());
    }
    if (write instanceof Write.CreateMonitor w) {
      return app.withMonitor(createMonitor(app, w.settings()));
    }
    if (write instanceof Write.UpdateMonitor w) {
      updateMonitor(app, w.monitorId(), w.settings());
    } else if (write instanceof Write.DisableMonitor w) {
      disableMonitor(app, w.monitorId());
    } else {
      throw new PlatformException(
          "app `" + app.name() + "` is not a local app; a Heroku app is not registered",
          0,
          null,
          null);
    }
    return app;
  }

  public LiveApp updateFormation(LiveApp app, List<FormationUpdate> updates)
      throws PlatformException {
    if (updates.isEmpty()) {
      return app;
    }
    List<BatchUpdateJson.Update> body = new ArrayList<>();
    for (FormationUpdate u : updates) {
      NamedRef size = u.size() == null ? null : NamedRef.named(u.size());
      body.add(new BatchUpdateJson.Update(u.type(), u.quantity(), size));
    }
    String json = Json.write(new BatchUpdateJson(body));
    ApiResponse r =
        http.send("PATCH", api("apps", app.name(), "formation"), json, null, app.name());
    List<FormationJson> answered = parse(r, FORMATIONS);
    // Heroku answers the updated types; the others keep what the caller last read
    Map<String, LiveProcess> merged = new LinkedHashMap<>();
    app.processes().forEach(p -> merged.put(p.type(), p));
    WireMapping.processes(answered).forEach(p -> merged.put(p.type(), p));
    String id =
        app.id() != null || answered.isEmpty() || answered.get(0).app() == null
            ? app.id()
            : answered.get(0).app().id();
    return new LiveApp(
        app.name(),
        id,
        app.generation(),
        List.copyOf(merged.values()),
        app.monitor(),
        app.registration());
  }

  public LiveMonitor createMonitor(LiveApp app, MonitorSettings s) throws PlatformException {
    String json = Json.write(MonitorJson.scale(s.min(), s.max(), s.p95Ms(), s.notifyApp()));
    ApiResponse r = http.send("POST", monitors(app), json, null, null);
    return WireMapping.monitor(parse(r, MonitorJson.class));
  }

  public void updateMonitor(LiveApp app, String monitorId, MonitorSettings s)
      throws PlatformException {
    String json = Json.write(MonitorJson.scale(s.min(), s.max(), s.p95Ms(), s.notifyApp()));
    http.send("PATCH", monitor(app, monitorId), json, null, null);
  }

  public void disableMonitor(LiveApp app, String monitorId) throws PlatformException {
    http.send("PATCH", monitor(app, monitorId), Json.write(MonitorJson.disable()), null, null);
  }

  /** The configuration in use (its token is redacted from {@code toString}). */
  public HerokuConfig config() {
    return config;
  }

  private List<FormationJson> readFormation(String app) throws PlatformException {
    List<FormationJson> all = new ArrayList<>();
    URI uri = api("apps", app, "formation");
    String range = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ApiResponse r = http.send("GET", uri, null, range, app);
      all.addAll(parse(r, FORMATIONS));
      String next = r.headers().firstValue("Next-Range").orElse(null);
      if (r.status() != 206 || next == null || next.equals(range)) {
        return all;
      }
      range = next;
    }
    throw new PlatformException(
        "the formation list of `" + app + "` did not end after " + MAX_PAGES + " pages",
        0,
        null,
        null);
  }

  private LiveMonitor readScaleMonitor(String appId) throws PlatformException {
    URI uri = metrics("apps", appId, "formation", "web", "monitors");
    List<MonitorJson> list = parse(http.send("GET", uri, null, null, null), MONITORS);
    return list.stream()
        .filter(MonitorJson::isScaleMonitor)
        .findFirst()
        .map(WireMapping::monitor)
        .orElse(null);
  }

  private URI monitors(LiveApp app) throws PlatformException {
    if (app.id() == null) {
      throw new PlatformException(
          "app `" + app.name() + "` has no id to address its monitors", 0, null, null);
    }
    return metrics("apps", app.id(), "formation", "web", "monitors");
  }

  private URI monitor(LiveApp app, String monitorId) throws PlatformException {
    return URI.create(monitors(app) + "/" + WireMapping.segment(monitorId));
  }

  private URI api(String... segments) {
    return WireMapping.join(config.endpoint().api(), segments);
  }

  private URI metrics(String... segments) {
    return WireMapping.join(config.endpoint().metrics(), segments);
  }

  private static <T> T parse(ApiResponse r, Class<T> type) throws PlatformException {
    try {
      return Json.read(r.body(), type);
    } catch (IllegalArgumentException e) {
      throw unexpected(r);
    }
  }

  private static <T> T parse(ApiResponse r, TypeReference<T> type) throws PlatformException {
    try {
      return Json.read(r.body(), type);
    } catch (IllegalArgumentException e) {
      throw unexpected(r);
    }
  }

  private static PlatformException unexpected(ApiResponse r) {
    return new PlatformException(
        "the Heroku API answered with unexpected JSON (request id " + r.requestId() + ")",
        r.status(),
        null,
        r.requestId());
  }
}
