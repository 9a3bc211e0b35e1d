package dev.formation.apply;

import dev.formation.config.AppSpec;
import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.platform.PlatformException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the live state of many apps in parallel on a bounded pool. Each read asks for the web
 * monitor; the adapter fetches it only where the live web size can autoscale, so an app on standard
 * dynos costs one request.
 */
public final class LiveReader {
  private final Platforms platforms;
  private final int parallelism;
  private final Progress progress;

  public LiveReader(Platforms platforms, int parallelism, Progress progress) {
    this.platforms = platforms;
    this.parallelism = parallelism;
    this.progress = progress;
  }

  /** What was read: live state by app name, and why each unreadable app could not be read. */
  public record Result(Map<String, LiveApp> live, Map<String, String> errors) {}

  /** Reads the apps of a config. */
  public Result read(List<AppSpec> apps) {
    Map<String, PlatformKind> targets = new LinkedHashMap<>();
    apps.forEach(a -> targets.put(a.name(), a.platform()));
    return read(targets);
  }

  /** Reads apps by name, each on its platform, keeping the given order in the result. */
  public Result read(Map<String, PlatformKind> targets) {
    List<String> apps = List.copyOf(targets.keySet());
    Map<String, LiveApp> live = new ConcurrentHashMap<>();
    Map<String, String> errors = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    int every = Math.max(1, apps.size() / 10);
    Parallel.forEach(
        apps,
        parallelism,
        app -> {
          try {
            live.put(app, platforms.forKind(targets.get(app)).read(app, true));
          } catch (PlatformException e) {
            errors.put(app, Failures.describe(e));
          }
          int n = done.incrementAndGet();
          if (apps.size() > 1 && (n % every == 0 || n == apps.size())) {
            progress.report("read " + n + "/" + apps.size() + " apps");
          }
        });
    return new Result(ordered(apps, live), ordered(apps, errors));
  }

  private static <V> Map<String, V> ordered(List<String> apps, Map<String, V> values) {
    Map<String, V> out = new LinkedHashMap<>();
    apps.forEach(
        a -> {
          if (values.containsKey(a)) {
            out.put(a, values.get(a));
          }
        });
    return out;
  }
}
