package dev.formation.platform.local.daemon;

import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.HttpLimits;
import dev.formation.platform.local.daemon.router.Router;
import dev.formation.platform.local.daemon.supervisor.Dyno;
import dev.formation.platform.local.daemon.supervisor.Supervisor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The routers of all apps, each on its app's {@code local.port}. */
public final class Routers {
  private final Supervisor supervisor;
  private final Function<String, AppLog> logs;
  private final Map<String, Router> byApp = new ConcurrentHashMap<>();
  private final Engine engine;
  private final LocalClock clock;
  private final HttpLimits limits;

  Routers(
      Supervisor supervisor,
      Function<String, AppLog> logs,
      Engine engine,
      LocalClock clock,
      HttpLimits limits) {
    this.supervisor = supervisor;
    this.logs = logs;
    this.engine = engine;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Starts the app's router and returns its port (the one the system picked when the app's is 0). A
   * port in use is logged and reported (-1), not thrown, so a restored app whose port is taken
   * keeps its dynos and API.
   */
  int open(AppRecord app) {
    close(app.name());
    try {
      Router r =
          new Router(
              app.name(),
              app.port(),
              () -> backends(app.name()),
              () -> booting(app.name()),
              Router.BOOT_WAIT,
              logs.apply(app.name()),
              engine,
              clock,
              limits);
      byApp.put(app.name(), r);
      return r.port();
    } catch (IOException e) {
      logs.apply(app.name()).line("heroku[router]", "at=error " + e.getMessage());
      return -1;
    }
  }

  public boolean listening(String app) {
    return byApp.containsKey(app);
  }

  /** The app's p95 over {@code window}, or -1 when no request came. */
  public long p95(String app, Duration window) {
    Router r = byApp.get(app);
    return r == null ? -1 : r.p95(window);
  }

  public int requests(String app, Duration window) {
    Router r = byApp.get(app);
    return r == null ? 0 : r.requests(window);
  }

  /** The minutes of the app's router's last hour, oldest first; none when it does not listen. */
  public List<RouterMinute> lastHour(String app) {
    Router r = byApp.get(app);
    return r == null ? List.of() : r.lastHour();
  }

  void close(String app) {
    Router r = byApp.remove(app);
    if (r != null) {
      r.close();
    }
  }

  void closeAll() {
    List.copyOf(byApp.keySet()).forEach(this::close);
  }

  private boolean booting(String app) {
    return supervisor.dynos(app).stream().anyMatch(d -> d.isWeb() && "starting".equals(d.state()));
  }

  private List<Router.Backend> backends(String app) {
    List<Router.Backend> list = new ArrayList<>();
    for (Dyno d : supervisor.dynos(app)) {
      if (d.isWeb() && "up".equals(d.state())) {
        list.add(new Router.Backend(d.name(), d.port()));
      }
    }
    return list;
  }
}
