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

/**
 * The Heroku Platform API adapter. A read costs one formation request (more only when Heroku pages
 * the list) plus, when asked, one monitors request; thread-safe, so apps can be read and applied in
 * parallel through one instance.
 */
public final class HerokuPlatform implements Platform {

  /**
   * Heroku pages at 200 by default, and an app has a handful of process types: one page is the
   * rule. An answer that keeps paging past this is broken, and each page costs a request of the
   * hourly budget (an endless {@code 206} once cost 3,000 of 4,500).
   */
  static final int MAX_PAGES = 10;

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
      AppJson a = appIn(http.send("GET", api("apps", app), null, null, app));
      id = a.id();
      generation =
          a.generation() == null || a.generation().name() == null ? "cedar" : a.generation().name();
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
    for (LiveProcess p : processes) {
      if (p.type().equals("web")) {
        Size size = Catalog.standard().find(p.size()).orElse(null);
        if (size != null && size.autoscale()) {
          return true;
        }
      }
    }
    return false;
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
    List<FormationJson> answered = WireMapping.checked(formationsIn(r), r.requestId());
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
        app.placement());
  }

  public LiveMonitor createMonitor(LiveApp app, MonitorSettings s) throws PlatformException {
    String json = Json.write(MonitorJson.scale(s.min(), s.max(), s.p95Ms(), s.notifyApp()));
    ApiResponse r = http.send("POST", monitors(app), json, null, null);
    return WireMapping.monitor(monitorIn(r), r.requestId());
  }

  public void updateMonitor(LiveApp app, String monitorId, MonitorSettings s)
      throws PlatformException {
    String json = Json.write(MonitorJson.scale(s.min(), s.max(), s.p95Ms(), s.notifyApp()));
    http.send("PATCH", monitor(app, monitorId), json, null, null);
  }

  public void disableMonitor(LiveApp app, String monitorId) throws PlatformException {
    http.send("PATCH", monitor(app, monitorId), Json.write(MonitorJson.disable()), null, null);
  }

  @Override
  public void close() {
    http.close();
  }

  /** The configuration in use (its token is redacted from {@code toString}). */
  public HerokuConfig config() {
    return config;
  }

  private List<FormationJson> readFormation(String app) throws PlatformException {
    List<FormationJson> all = new ArrayList<>();
    URI uri = api("apps", app, "formation");
    String range = null;
    ApiResponse r = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      r = http.send("GET", uri, null, range, app);
      all.addAll(WireMapping.checked(formationsIn(r), r.requestId()));
      String next = r.headers().firstValue("Next-Range").orElse(null);
      if (r.status() != 206 || next == null || next.equals(range)) {
        return all;
      }
      if (!next.chars().allMatch(c -> c >= 0x20 && c < 0x7f) || next.length() > 200) {
        throw new PlatformException(
            "the Heroku API answered the formation list of app `"
                + app
                + "` with a Next-Range header formation cannot send back (request id "
                + r.requestId()
                + ")",
            r.status(),
            null,
            r.requestId());
      }
      range = next;
    }
    throw new PlatformException(
        "the formation list of app `"
            + app
            + "` did not end after "
            + MAX_PAGES
            + " pages: the Heroku API kept answering 206 Partial Content (last request id "
            + r.requestId()
            + ")",
        r.status(),
        null,
        r.requestId());
  }

  private LiveMonitor readScaleMonitor(String appId) throws PlatformException {
    URI uri = metrics("apps", appId, "formation", "web", "monitors");
    ApiResponse r = http.send("GET", uri, null, null, null);
    List<MonitorJson> list = monitorsIn(r);
    MonitorJson scale =
        list.stream().filter(m -> m != null && m.isScaleMonitor()).findFirst().orElse(null);
    return scale == null ? null : WireMapping.monitor(scale, r.requestId());
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

  // One JSON value each; {@code null} or another kind of JSON is unexpected. A list's null items
  // are left for the checks that follow.

  private static List<FormationJson> formationsIn(ApiResponse r) throws PlatformException {
    try {
      return present(Json.formations(r.body()), r);
    } catch (IllegalArgumentException e) {
      throw unexpected(r);
    }
  }

  private static List<MonitorJson> monitorsIn(ApiResponse r) throws PlatformException {
    try {
      return present(Json.monitors(r.body()), r);
    } catch (IllegalArgumentException e) {
      throw unexpected(r);
    }
  }

  private static MonitorJson monitorIn(ApiResponse r) throws PlatformException {
    try {
      return present(Json.monitor(r.body()), r);
    } catch (IllegalArgumentException e) {
      throw unexpected(r);
    }
  }

  private static AppJson appIn(ApiResponse r) throws PlatformException {
    try {
      return present(Json.app(r.body()), r);
    } catch (IllegalArgumentException e) {
      throw unexpected(r);
    }
  }

  private static <T> T present(T value, ApiResponse r) throws PlatformException {
    if (value == null) {
      throw unexpected(r);
    }
    return value;
  }

  private static PlatformException unexpected(ApiResponse r) {
    return new PlatformException(
        "the Heroku API answered with unexpected JSON (request id " + r.requestId() + ")",
        r.status(),
        null,
        r.requestId());
  }
}
