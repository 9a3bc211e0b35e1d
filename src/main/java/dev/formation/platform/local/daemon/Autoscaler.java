package dev.formation.platform.local.daemon;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scales each app's web dynos from the router's measured p95, one dyno per step: up when the p95 is
 * above the monitor's target, down after several intervals well below it ({@link ScalingRule}
 * decides; this class measures, carries the decision out and logs it).
 */
public final class Autoscaler implements AutoCloseable {
  /** One look at an app: what was measured and what was done, with why. */
  public record Decision(String at, int from, int to, long p95Ms, int targetMs, String reason) {}

  private static final class AppState {
    ScalingRule.Memory memory = ScalingRule.Memory.FRESH;
    final Deque<Decision> recent = new ArrayDeque<>();
  }

  private final LocalDaemon daemon;
  private final Duration interval;
  private final Map<String, AppState> states = new ConcurrentHashMap<>();
  private final LocalClock clock;
  private LocalClock.Scheduled next;
  private boolean closed;

  Autoscaler(LocalDaemon daemon, Duration interval, LocalClock clock) {
    this.daemon = daemon;
    this.interval = interval;
    this.clock = clock;
  }

  /** Looks at every app once an interval has passed on the clock, and again after each look. */
  synchronized void start() {
    if (!closed) {
      next =
          clock.schedule(
              interval,
              () -> {
                tickSafely();
                start();
              });
    }
  }

  /** The latest decisions for an app, newest last. */
  public List<Decision> decisions(String app) {
    AppState s = states.get(app);
    if (s == null) {
      return List.of();
    }
    synchronized (s) {
      return List.copyOf(s.recent);
    }
  }

  private void tickSafely() {
    try {
      daemon.apps().forEach(this::tick);
    } catch (RuntimeException e) {
      System.err.println("autoscaler: " + e);
    }
  }

  void tick(AppRecord app) {
    MonitorRecord m = app.activeScaleMonitor().orElse(null);
    ProcessRecord web = app.process("web").orElse(null);
    if (m == null || web == null) {
      states.remove(app.name());
      return;
    }
    AppState s = states.computeIfAbsent(app.name(), k -> new AppState());
    synchronized (s) {
      int q = web.quantity();
      long p95 = daemon.routers.p95(app.name(), interval);
      ScalingRule.Step step =
          ScalingRule.next(
              s.memory, q, p95, new ScalingRule.Band(m.minQuantity(), m.maxQuantity(), m.value()));
      s.memory = step.after();
      if (step.to() != q) {
        daemon.autoscale(app.name(), step.to());
      }
      record(
          app.name(),
          s,
          new Decision(
              clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
              q,
              step.to(),
              p95,
              m.value(),
              step.reason()));
    }
  }

  private void record(String app, AppState s, Decision d) {
    s.recent.addLast(d);
    while (s.recent.size() > 20) {
      s.recent.removeFirst();
    }
    String action =
        d.to() == d.from() ? "keep web at " + d.from() : "scale web " + d.from() + " -> " + d.to();
    daemon.log(app).line("heroku[autoscaler]", action + ": " + d.reason());
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel();
    }
  }
}
