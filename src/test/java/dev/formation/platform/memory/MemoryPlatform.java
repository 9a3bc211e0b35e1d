package dev.formation.platform.memory;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory platform's adapter: reads and writes a {@link MemoryStore} as a platform API would,
 * refusing what Heroku refuses (an unknown app, type or size) with the same kinds of errors.
 */
final class MemoryPlatform implements Platform {
  private final MemoryStore store;
  private final Catalog catalog = Catalog.standard();

  MemoryPlatform(MemoryStore store) {
    this.store = store;
  }

  @Override
  public LiveApp read(Target target) throws PlatformException {
    synchronized (store) {
      return live(target.app(), app(target.app()));
    }
  }

  @Override
  public LiveApp apply(Target target, LiveApp app, Write write) throws PlatformException {
    synchronized (store) {
      MemoryStore.App a = app(target.app());
      if (write instanceof Write.UpdateFormation u) {
        update(target.app(), a, u.updates());
      } else if (write instanceof Write.CreateMonitor c) {
        a.monitor = monitor(store.nextId(), true, c.settings());
      } else if (write instanceof Write.UpdateMonitor u) {
        a.monitor = monitor(known(a, u.monitorId()).id(), true, u.settings());
      } else if (write instanceof Write.DisableMonitor d) {
        LiveMonitor m = known(a, d.monitorId());
        a.monitor =
            new LiveMonitor(m.id(), false, m.min(), m.max(), m.p95Ms(), m.notifyApp(), null);
      } else {
        throw new PlatformException(
            "the memory platform cannot carry out " + write.getClass().getSimpleName(),
            422,
            "invalid_params",
            null);
      }
      return live(target.app(), a);
    }
  }

  /** Checks the whole batch before changing anything, as one request would. */
  private void update(String name, MemoryStore.App a, List<FormationUpdate> updates)
      throws PlatformException {
    for (FormationUpdate u : updates) {
      if (!a.sizes.containsKey(u.type())) {
        throw new PlatformException(
            "process type `" + u.type() + "` is not in the release of " + name,
            404,
            "not_found",
            null);
      }
      if (u.size() != null && catalog.find(u.size()).isEmpty()) {
        throw new PlatformException(
            "size `" + u.size() + "` does not exist", 422, "invalid_params", null);
      }
    }
    for (FormationUpdate u : updates) {
      if (u.size() != null) {
        a.sizes.put(u.type(), catalog.find(u.size()).map(Size::name).orElseThrow());
      }
      if (u.quantity() != null) {
        a.counts.put(u.type(), u.quantity());
      }
    }
  }

  private MemoryStore.App app(String name) throws PlatformException {
    MemoryStore.App a = store.app(name);
    if (a == null) {
      throw new PlatformException("app `" + name + "` not found", 404, "not_found", null);
    }
    return a;
  }

  private static LiveMonitor known(MemoryStore.App a, String id) throws PlatformException {
    if (a.monitor == null || !a.monitor.id().equals(id)) {
      throw new PlatformException("autoscaler `" + id + "` not found", 404, "not_found", null);
    }
    return a.monitor;
  }

  private static LiveMonitor monitor(String id, boolean active, MonitorSettings s) {
    return new LiveMonitor(id, active, s.min(), s.max(), s.p95Ms(), s.notifyApp());
  }

  /** The app as the platform reports it; the autoscaler only where web can autoscale. */
  private LiveApp live(String name, MemoryStore.App a) {
    List<LiveProcess> processes = new ArrayList<>();
    for (Map.Entry<String, String> e : a.sizes.entrySet()) {
      processes.add(
          new LiveProcess(
              e.getKey(), e.getValue(), a.counts.getOrDefault(e.getKey(), 0), null, null));
    }
    boolean autoscales =
        Optional.ofNullable(a.sizes.get("web"))
            .flatMap(catalog::find)
            .map(Size::autoscale)
            .orElse(false);
    return new LiveApp(name, a.id, "cedar", processes, autoscales ? a.monitor : null);
  }
}
