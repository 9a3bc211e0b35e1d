package dev.formation.platform.local.daemon;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scales each app's web dynos from the router's measured p95, one dyno per step: up when the p95 is
 * above the monitor's target, down after several intervals well below it.
 */
public final class Autoscaler implements AutoCloseable {
  static final int UP_COOLDOWN = 2;
  static final int DOWN_AFTER = 3;

  /** One look at an app: what was measured and what was done, with why. */
  public record Decision(String at, int from, int to, long p95Ms, int targetMs, String reason) {}

  private static final class AppState {
    int sinceChange = Integer.MAX_VALUE / 2;
    int lowStreak;
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
      s.sinceChange++;
      int q = web.quantity();
      long p95 = daemon.routers.p95(app.name(), interval);
      String measured = p95 < 0 ? "no requests" : "p95 " + p95 + " ms";
      int to = q;
      String reason;
      if (q < m.minQuantity() || q > m.maxQuantity()) {
        to = Math.max(m.minQuantity(), Math.min(m.maxQuantity(), q));
        reason = "outside min " + m.minQuantity() + " .. max " + m.maxQuantity();
      } else if (p95 > m.value()) {
        s.lowStreak = 0;
        if (q >= m.maxQuantity()) {
          reason = measured + " above target " + m.value() + " ms, already at max";
        } else if (s.sinceChange < UP_COOLDOWN) {
          reason = measured + " above target " + m.value() + " ms, cooling down";
        } else {
          to = q + 1;
          reason = measured + " above target " + m.value() + " ms";
        }
      } else if (p95 < m.value() / 2.0) {
        s.lowStreak++;
        if (q <= m.minQuantity()) {
          reason = measured + " below half of target " + m.value() + " ms, already at min";
        } else if (s.lowStreak < DOWN_AFTER || s.sinceChange < DOWN_AFTER) {
          reason =
              measured
                  + " below half of target "
                  + m.value()
                  + " ms ("
                  + s.lowStreak
                  + "/"
                  + DOWN_AFTER
                  + " intervals)";
        } else {
          to = q - 1;
          s.lowStreak = 0;
          reason =
              measured
                  + " below half of target "
                  + m.value()
                  + " ms for "
                  + DOWN_AFTER
                  + " intervals";
        }
      } else {
        s.lowStreak = 0;
        reason = measured + " within target " + m.value() + " ms";
      }
      if (to != q) {
        s.sinceChange = 0;
        daemon.autoscale(app.name(), to);
      }
      record(
          app.name(),
          s,
          new Decision(
              clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
              q,
              to,
              p95,
              m.value(),
              reason));
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
