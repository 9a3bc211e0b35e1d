package dev.formation.apply;

import dev.formation.config.AppSpec;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveApp;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Reads the live state of many apps in parallel on a bounded pool. The adapter fetches the web
 * monitor only where the live web size can autoscale, so an app on standard dynos costs one
 * request. Reading changes nothing on any platform.
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

  /**
   * What was read: live state by app name, and why each unreadable app could not be read.
   *
   * @param coded of the apps that could not be read, those whose platform named the failure itself
   *     ({@link PlatformException#code}): its own coded error, with its hint
   */
  public record Result(
      Map<String, LiveApp> live, Map<String, String> errors, Map<String, Diagnostic> coded) {
    public Result(Map<String, LiveApp> live, Map<String, String> errors) {
      this(live, errors, Map.of());
    }
  }

  /**
   * Reads the apps of a config, in the config's order in the result. Apps whose web process is
   * configured on a size that can autoscale are read first: where the live size can autoscale too,
   * their read is two requests in a row (the formation, then the monitor), and a pool that ends on
   * such apps leaves most of its workers idle while the last ones finish (longest jobs first).
   */
  public Result readApps(List<AppSpec> apps) {
    return readApps(apps, (app, live) -> {});
  }

  /**
   * {@link #readApps(List)}, handing each app read to {@code onRead} on the calling thread as soon
   * as it is in, while the rest are still being read (a plan plans it there, on a thread that would
   * otherwise only wait).
   */
  public Result readApps(List<AppSpec> apps, BiConsumer<String, LiveApp> onRead) {
    List<Target> targets = new ArrayList<>(apps.size());
    List<Target> twoStep = new ArrayList<>();
    List<Target> oneStep = new ArrayList<>();
    for (AppSpec app : apps) {
      Target t = Targets.of(app);
      targets.add(t);
      if (app.webCanAutoscale()) {
        twoStep.add(t);
      } else {
        oneStep.add(t);
      }
    }
    twoStep.addAll(oneStep);
    return read(targets, twoStep, onRead);
  }

  /** Reads apps, each on its platform, keeping the given order in the result. */
  public Result read(List<Target> targets) {
    return read(targets, targets, (app, live) -> {});
  }

  /** Reads {@code targets} in the order of {@code schedule}, keeping their own in the result. */
  private Result read(
      List<Target> targets, List<Target> schedule, BiConsumer<String, LiveApp> onRead) {
    Map<String, LiveApp> live = new ConcurrentHashMap<>();
    Map<String, String> errors = new ConcurrentHashMap<>();
    Map<String, Diagnostic> coded = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    int every = Math.max(1, targets.size() / 10);
    Parallel.forEach(
        schedule,
        parallelism,
        target -> {
          try {
            live.put(target.app(), platforms.forKind(target.platform()).read(target));
          } catch (PlatformException e) {
            errors.put(target.app(), Failures.describe(e));
            if (e.code() != null) {
              coded.put(target.app(), Failures.diagnostic(target.app(), e));
            }
          }
          int n = done.incrementAndGet();
          if (targets.size() > 1 && (n % every == 0 || n == targets.size())) {
            progress.report("read " + n + "/" + targets.size() + " apps");
          }
        },
        target -> {
          LiveApp app = live.get(target.app());
          if (app != null) {
            onRead.accept(target.app(), app);
          }
        });
    List<String> order = targets.stream().map(Target::app).toList();
    return new Result(ordered(order, live), ordered(order, errors), ordered(order, coded));
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
