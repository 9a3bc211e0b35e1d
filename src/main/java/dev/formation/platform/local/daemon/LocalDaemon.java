package dev.formation.platform.local.daemon;

import dev.formation.platform.local.daemon.api.ApiAuth;
import dev.formation.platform.local.daemon.api.ApiError;
import dev.formation.platform.local.daemon.api.ApiServer;
import dev.formation.platform.local.daemon.api.FormationRules;
import dev.formation.platform.local.daemon.api.FormationRules.Update;
import dev.formation.platform.local.daemon.api.LogSessions;
import dev.formation.platform.local.daemon.api.Monitors;
import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.Failures;
import dev.formation.platform.local.daemon.http.Fatal;
import dev.formation.platform.local.daemon.http.HttpLimits;
import dev.formation.platform.local.daemon.supervisor.Dyno;
import dev.formation.platform.local.daemon.supervisor.Supervisor;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.DaemonLock;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.LogFiles;
import dev.formation.platform.local.state.StateFiles;
import dev.formation.platform.local.state.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The local platform daemon: its apps and their formations (persisted), the supervisor that runs
 * their dynos, their routers and the autoscaler, behind one Heroku-style API server.
 */
public final class LocalDaemon implements AutoCloseable {

  private final LocalSettings settings;
  private final StateStore store;
  private final Map<String, AppRecord> apps = new TreeMap<>();
  private final Supervisor supervisor;
  private final LocalClock clock;
  private final AppLogs logs;
  private final Engine engine = new Engine();
  private final HttpLimits limits;
  final Routers routers;
  final Autoscaler autoscaler;
  final QueueScaler queueScaler;
  final LogSessions logSessions;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicBoolean closing =
      new java.util.concurrent.atomic.AtomicBoolean();
  private ApiServer api;
  private final DaemonLock lock;
  private DaemonInfo info;

  private LocalDaemon(
      LocalSettings settings, DaemonLock lock, LocalClock clock, HttpLimits limits) {
    this.settings = settings;
    this.lock = lock;
    this.clock = clock;
    this.logs = new AppLogs(settings.logsDir(), clock);
    this.limits = limits;
    this.store = new StateStore(settings.appsDir());
    this.supervisor = new Supervisor(settings, this::log, clock);
    this.routers = new Routers(supervisor, this::log, engine, clock, limits);
    this.autoscaler = new Autoscaler(this, settings.autoscaleInterval(), clock);
    this.queueScaler = new QueueScaler(this, clock);
    this.logSessions = new LogSessions(clock, () -> !closing.get());
  }

  /** Starts a daemon on {@code port} (0 picks a free one), restoring every stored app. */
  public static LocalDaemon start(LocalSettings settings, int port) throws IOException {
    Fatal.install();
    return start(settings, port, LocalClock.system(), HttpLimits.DEFAULT);
  }

  /** With the clock its deadlines run on and the limits its servers hold clients to. */
  static LocalDaemon start(LocalSettings settings, int port, LocalClock clock, HttpLimits limits)
      throws IOException {
    // the lock comes first: the supervisor reaps a dead daemon's dynos, never a live one's
    LocalDaemon d;
    try {
      d = new LocalDaemon(settings, DaemonLock.acquire(settings.stateDir()), clock, limits);
    } catch (IOException | RuntimeException e) {
      clock.shutdown();
      throw e;
    }
    try {
      // files of an older version, or loosened by hand, are owner-only again
      StateFiles.tightenTree(settings.stateDir());
      ApiAuth auth = new ApiAuth(Token.loadOrCreate(settings.tokenFile(), System.err::println));
      synchronized (d) {
        for (AppRecord a : d.store.loadAll(System.err::println)) {
          d.restore(a);
        }
      }
      d.api =
          ApiServer.open(
              d, d.engine, auth, d.limits, port, settings.stateDir().resolve("api-port"));
      d.info =
          new DaemonInfo(
              "http://127.0.0.1:" + d.api.port(),
              d.api.port(),
              ProcessHandle.current().pid(),
              settings.tokenFile().toString(),
              now());
      d.info.write(settings.daemonFile());
      System.err.println(
          "local platform: HTTP engine on "
              + d.engine.transport().label()
              + (d.engine.passedOver() == null ? "" : " (" + d.engine.passedOver() + ")"));
      d.autoscaler.start();
      d.queueScaler.start();
      return d;
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** Connections the API refused at accept or cut off for the budget, since the start. */
  public long apiRefused() {
    return api.refused();
  }

  /** Bytes of unfinished requests that the API and the routers hold now. */
  public long inFlightBytes() {
    return engine.inFlightBytes();
  }

  public String url() {
    return info.url();
  }

  public int port() {
    return info.port();
  }

  /** Each app's router. */
  public Routers routers() {
    return routers;
  }

  /** The autoscaler and its decisions. */
  public Autoscaler autoscaler() {
    return autoscaler;
  }

  /** The queue scaler and its decisions. */
  public QueueScaler queueScaler() {
    return queueScaler;
  }

  /** The log sessions of {@code heroku logs}. */
  public LogSessions logSessions() {
    return logSessions;
  }

  /** The apps' log files, as {@code GET /local/logs} reads them. */
  public LogFiles logFiles() {
    return new LogFiles(settings.logsDir());
  }

  public LocalSettings settings() {
    return settings;
  }

  public LocalClock clock() {
    return clock;
  }

  /**
   * Brings back a stored app: its dynos and its router. Whatever fails is that app's alone, and its
   * log says so; the other apps start all the same.
   */
  private void restore(AppRecord a) {
    apps.put(a.name(), a);
    try {
      supervisor.reconcile(a);
      routers.open(a);
    } catch (RuntimeException e) {
      log(a.name()).line("heroku[platform]", "cannot restore the app: " + Failures.describe(e));
    }
  }

  /** Blocks until the daemon has been closed (by {@code POST /local/shutdown} or a signal). */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  AppLog log(String app) {
    return logs.of(app);
  }

  public synchronized List<AppRecord> apps() {
    return List.copyOf(apps.values());
  }

  public synchronized AppRecord app(String idOrName) {
    AppRecord a = apps.get(idOrName);
    if (a == null) {
      a = apps.values().stream().filter(x -> x.id().equals(idOrName)).findFirst().orElse(null);
    }
    if (a == null) {
      throw ApiError.notFound("Couldn't find that app.");
    }
    return a;
  }

  public List<Dyno> dynos(AppRecord app) {
    return supervisor.dynos(app.name());
  }

  public synchronized int restart(String idOrName, String which) {
    return supervisor.restart(app(idOrName), which);
  }

  /** Creates or updates a local app from its folder; new process types start at 0 dynos. */
  public synchronized AppRecord register(String name, String dir, int port) {
    return register(name, dir, port, List.of());
  }

  /**
   * Creates or updates a local app from its folder, with the queue rules the daemon runs for it
   * (they replace the ones it had).
   */
  public synchronized AppRecord register(
      String name, String dir, int port, List<QueueRecord> queues) {
    AppRecord old = apps.get(name);
    AppRecord next =
        Registrations.next(old, name, dir, port, port(), apps.values(), now()).withQueues(queues);
    Registrations.checkQueues(next);
    boolean sameRouter =
        old != null && (port == 0 || old.port() == port) && routers.listening(name);
    if (sameRouter) {
      next = next.withLocation(dir, old.port(), next.updatedAt());
    } else {
      int bound = routers.open(next);
      if (bound > 0) {
        next = next.withLocation(dir, bound, next.updatedAt());
      } else {
        if (old != null) {
          routers.open(old);
        }
        throw ApiError.invalid(
            "port "
                + port
                + " is not free on 127.0.0.1; choose another"
                + " local.port for "
                + name
                + ".");
      }
    }
    save(next);
    return next;
  }

  /**
   * Forgets an app: its router, its dynos (the future completes once they are stopped), its stored
   * record and its logs.
   */
  public CompletableFuture<Void> unregister(String idOrName) {
    AppRecord a;
    CompletableFuture<Void> stopped;
    synchronized (this) {
      a = app(idOrName);
      apps.remove(a.name());
      routers.close(a.name());
      stopped = supervisor.remove(a.name());
      try {
        store.delete(a.name());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return stopped.whenComplete((ok, failed) -> logs.delete(a.name()));
  }

  /** A formation PATCH: validates like Heroku, stores, and reconciles the dynos at once. */
  public synchronized AppRecord updateFormation(String idOrName, List<Update> updates) {
    AppRecord a = app(idOrName);
    List<ProcessRecord> next = FormationRules.apply(a.processes(), updates, now());
    AppRecord updated = a.withProcesses(next, now());
    // Heroku turns autoscaling off when someone scales web by hand or leaves autoscale sizes
    if (a.activeScaleMonitor().isPresent()
            && updates.stream().anyMatch(u -> u.type().equals("web") && u.quantity() != null)
        || !Monitors.webAutoscalable(updated)) {
      updated =
          updated.withMonitors(
              updated.monitors().stream().map(m -> m.scales() ? m.withActive(false) : m).toList());
    }
    save(updated);
    return updated;
  }

  /** The autoscaler's own change of the web count, which leaves the monitor on. */
  synchronized void autoscale(String name, int quantity) {
    AppRecord a = apps.get(name);
    if (a == null) {
      return;
    }
    List<ProcessRecord> next =
        a.processes().stream()
            .map(p -> p.type().equals("web") ? p.withFormation(p.size(), quantity, now()) : p)
            .toList();
    save(a.withProcesses(next, now()));
  }

  /** The queue scaler's change of one type's count. */
  /** A type's count now, for the queue scaler: -1 when the app is gone. */
  synchronized int quantityOf(String name, String type) {
    AppRecord a = apps.get(name);
    return a == null ? -1 : a.process(type).map(ProcessRecord::quantity).orElse(0);
  }

  /**
   * Sets a type's count for the queue scaler, under the daemon's lock.
   *
   * @return the count it had just before, read under the same lock (an apply may have changed it
   *     since the scaler looked), or -1 when the app is gone
   */
  synchronized int scaleQueue(String name, String type, int quantity) {
    AppRecord a = apps.get(name);
    if (a == null) {
      return -1;
    }
    int was = a.process(type).map(ProcessRecord::quantity).orElse(0);
    List<ProcessRecord> next =
        a.processes().stream()
            .map(p -> p.type().equals(type) ? p.withFormation(p.size(), quantity, now()) : p)
            .toList();
    save(a.withProcesses(next, now()));
    return was;
  }

  /** Stores an app, then makes its dynos match. Callers hold the daemon's lock. */
  public void save(AppRecord a) {
    try {
      store.save(a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    apps.put(a.name(), a);
    supervisor.reconcile(a);
  }

  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Stops the API, the routers, the autoscaler and every dyno; removes {@code daemon.json}. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    try {
      // each step even when one before it failed: a daemon that cannot stop is worse than one
      // that stops with a complaint in its log
      step("the autoscaler", autoscaler::close);
      step("the queue scaler", queueScaler::close);
      if (api != null) {
        step("the API", api::close);
      }
      step("the routers", routers::closeAll);
      step("the dynos", supervisor::close);
      // every handler has finished once the engine is down: nothing writes to a log after this
      step("the HTTP engine", engine::close);
      step("the logs", logs::closeAll);
      step("the clock", clock::shutdown);
      step(
          "daemon.json",
          () -> {
            try {
              if (info != null
                  && DaemonInfo.read(settings.daemonFile())
                      .map(i -> i.pid() == info.pid() && i.port() == info.port())
                      .orElse(false)) {
                Files.deleteIfExists(settings.daemonFile());
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } finally {
      lock.close();
      closed.countDown();
    }
  }

  private static void step(String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      System.err.println("local platform: stopping " + what + " failed:");
      e.printStackTrace();
    }
  }

  private void awaitQuietly() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
