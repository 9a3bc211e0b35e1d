package dev.formation.platform.local.daemon.supervisor;

import dev.formation.catalog.Catalog;
import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.AppRecord;
import dev.formation.platform.local.daemon.LocalClock;
import dev.formation.platform.local.daemon.ProcessRecord;
import dev.formation.platform.local.daemon.Threads;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.PidFiles;
import dev.formation.platform.local.state.ProcessGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps each app's running dynos equal to its formation: starts the missing {@code web.N}, stops
 * the extra highest-numbered ones, restarts dynos whose size or command changed, and watches their
 * memory.
 */
public final class Supervisor implements AutoCloseable {
  private final LocalSettings settings;
  private final Function<String, AppLog> logs;
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(2, Threads.daemon("dyno-timer"));
  private final ExecutorService stopper =
      Executors.newCachedThreadPool(Threads.daemon("dyno-stop"));
  private final Map<String, List<Dyno>> byApp = new HashMap<>();

  /**
   * {@link #byApp} as it stood after the last change, for readers that must not take the lock: a
   * router asks for its app's dynos on every request, from every event loop.
   */
  private volatile Map<String, List<Dyno>> published = Map.of();

  private final List<CompletableFuture<Void>> stopping = new ArrayList<>();
  private final PidFiles pidFiles;
  private final LocalClock clock;

  public Supervisor(LocalSettings settings, Function<String, AppLog> logs, LocalClock clock) {
    this.settings = settings;
    this.logs = logs;
    this.clock = clock;
    this.pidFiles = new PidFiles(settings.stateDir().resolve("run"));
    // a killed daemon's dynos: SIGKILL at once, they belong to no formation any more
    int orphans = pidFiles.stopAll(clock::nanoTime, Duration.ZERO, System.err::println);
    OutputPipe.sweep(pidFiles.dir());
    if (orphans > 0) {
      System.err.println("stopped " + orphans + " dynos left running by a previous daemon");
    }
    long every = settings.memoryInterval().toMillis();
    timer.scheduleWithFixedDelay(this::sampleMemory, every, every, TimeUnit.MILLISECONDS);
  }

  /** Makes the running dynos of {@code app} match its formation; returns at once. */
  public synchronized void reconcile(AppRecord app) {
    List<Dyno> dynos = byApp.computeIfAbsent(app.name(), k -> new ArrayList<>());
    for (Dyno d : List.copyOf(dynos)) {
      boolean keep =
          app.process(d.type)
              .map(
                  p ->
                      d.index <= p.quantity()
                          && d.command.equals(p.command())
                          && d.size.equals(p.size()))
              .orElse(false);
      if (!keep) {
        dynos.remove(d);
        stopLater(d);
      }
    }
    for (ProcessRecord p : app.processes()) {
      for (int i = 1; i <= p.quantity(); i++) {
        int index = i;
        if (dynos.stream().noneMatch(d -> d.type.equals(p.type()) && d.index == index)) {
          Dyno d =
              new Dyno(
                  app.name(),
                  p.type(),
                  i,
                  p.command(),
                  p.size(),
                  Path.of(app.dir()),
                  settings.env(),
                  logs.apply(app.name()),
                  timer,
                  pidFiles,
                  clock);
          dynos.add(d);
          d.start();
        }
      }
    }
    dynos.sort(Comparator.comparing((Dyno d) -> d.type).thenComparingInt(d -> d.index));
    publish();
  }

  /** Publishes the dynos as they now are to {@link #dynos}; under the lock. */
  private void publish() {
    Map<String, List<Dyno>> copy = new HashMap<>();
    byApp.forEach((app, list) -> copy.put(app, List.copyOf(list)));
    published = Map.copyOf(copy);
  }

  /**
   * Restarts the app's dynos ({@code heroku ps:restart}): all of them, those of one type ({@code
   * web}) or one dyno ({@code web.2}). Returns how many were restarted.
   */
  public synchronized int restart(AppRecord app, String which) {
    List<Dyno> dynos = byApp.getOrDefault(app.name(), new ArrayList<>());
    List<Dyno> chosen =
        dynos.stream()
            .filter(d -> which == null || d.type.equals(which) || d.name().equals(which))
            .toList();
    dynos.removeAll(chosen);
    chosen.forEach(this::stopLater);
    reconcile(app);
    return chosen.size();
  }

  /** Stops every dyno of an app (it was removed); the future completes when they are down. */
  public synchronized CompletableFuture<Void> remove(String app) {
    List<Dyno> dynos = byApp.remove(app);
    if (dynos == null) {
      return CompletableFuture.completedFuture(null);
    }
    publish();
    return CompletableFuture.allOf(
        dynos.stream().map(this::stopLater).toArray(CompletableFuture[]::new));
  }

  /** The app's dynos, in type and index order: a snapshot, read without the lock. */
  public List<Dyno> dynos(String app) {
    return published.getOrDefault(app, List.of());
  }

  private CompletableFuture<Void> stopLater(Dyno d) {
    CompletableFuture<Void> f = CompletableFuture.runAsync(() -> d.stop(settings.grace()), stopper);
    stopping.removeIf(CompletableFuture::isDone);
    stopping.add(f);
    return f;
  }

  private void sampleMemory() {
    List<Dyno> all = new ArrayList<>();
    synchronized (this) {
      byApp.values().forEach(all::addAll);
    }
    for (Dyno d : all) {
      ProcessGroup g = d.group();
      if (g == null || d.pid() < 0) {
        continue;
      }
      long quotaMb =
          settings.memoryQuotaMb() > 0
              ? settings.memoryQuotaMb()
              : Catalog.standard().find(d.size).map(s -> (long) s.memoryMb()).orElse(512L);
      long rssMb = g.rssBytes() / (1024 * 1024);
      if (rssMb > quotaMb) {
        d.platform(
            String.format("Process running mem=%dM(%.1f%%)", rssMb, 100.0 * rssMb / quotaMb));
        if (rssMb > 2 * quotaMb) {
          d.platform("Error R15 (Memory quota vastly exceeded)");
          d.killForMemory();
        } else {
          d.platform("Error R14 (Memory quota exceeded)");
        }
      }
    }
  }

  /** Stops every dyno and waits until all of them are gone. */
  @Override
  public void close() {
    List<CompletableFuture<Void>> all;
    synchronized (this) {
      byApp.values().forEach(list -> list.forEach(this::stopLater));
      byApp.clear();
      publish();
      all = List.copyOf(stopping);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    timer.shutdownNow();
    stopper.shutdownNow();
  }
}
