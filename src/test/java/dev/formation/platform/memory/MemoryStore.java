package dev.formation.platform.memory;

import dev.formation.live.LiveMonitor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps of the memory platform: process types with their sizes and counts, and a web autoscaler,
 * kept by name for the life of the test process so that one command's apply is the next command's
 * plan. Every method locks the store: an operation reads and writes apps in parallel.
 */
public final class MemoryStore {
  private static final Map<String, MemoryStore> STORES = new ConcurrentHashMap<>();

  /** One app: type → [canonical size, count] in creation order, and its autoscaler or none. */
  static final class App {
    final String id;
    final Map<String, String> sizes = new LinkedHashMap<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();
    LiveMonitor monitor;

    App(String id) {
      this.id = id;
    }
  }

  private final Map<String, App> apps = new LinkedHashMap<>();
  private int ids;

  private MemoryStore() {}

  /** The store of this name, made empty on first use. */
  public static MemoryStore named(String name) {
    return STORES.computeIfAbsent(name, n -> new MemoryStore());
  }

  /** Adds an app (replacing one of the same name) whose release has these process types. */
  public synchronized void seed(
      String app, Map<String, String> sizes, Map<String, Integer> counts) {
    App a = new App("mem-" + (++ids));
    a.sizes.putAll(sizes);
    a.counts.putAll(counts);
    apps.put(app, a);
  }

  /** The app of this name, or {@code null}; callers hold the store's lock. */
  App app(String name) {
    return apps.get(name);
  }

  /** A new autoscaler id. */
  String nextId() {
    return "mon-" + (++ids);
  }
}
