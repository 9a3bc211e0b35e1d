package dev.formation.platform.local.daemon;

import dev.formation.autoscale.Decision;
import dev.formation.autoscale.QueueDecision;
import dev.formation.autoscale.Sample;
import dev.formation.autoscale.read.BacklogReader;
import dev.formation.autoscale.read.ReadFailure;
import dev.formation.platform.local.daemon.supervisor.DotEnv;
import dev.formation.platform.local.state.DaemonEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the queue rules that local apps' registrations carry, with the same decision as {@code
 * formation autoscale} on Heroku: every rule's interval it reads the backlog (the URL from the
 * app's {@code .env}, else the daemon's environment), decides, and changes the type's count when
 * the decision does. A backlog that cannot be read keeps the count. Reads run on a thread of their
 * own, so a queue that does not answer never holds up the clock's other work.
 */
public final class QueueScaler implements AutoCloseable {
  /** How often the scaler looks for rules that are due: the shortest interval a rule may have. */
  static final Duration TICK = Duration.ofSeconds(1);

  /**
   * One decision about one type: when, the backlog read ({@code null} when it could not be), the
   * count before and after, {@code scale}, {@code hold} or {@code error}, and why.
   */
  public record Event(
      String at, String type, Long backlog, int from, int to, String action, String reason) {}

  /** What the scaler remembers of one type between reads. */
  private static final class TypeState {
    List<Sample> samples = List.of();
    Instant due = Instant.MIN;
    Event last;
  }

  private final LocalDaemon daemon;
  private final LocalClock clock;
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(Threads.daemon("queue-scaler"));
  private final Map<String, Map<String, TypeState>> states = new ConcurrentHashMap<>();
  private LocalClock.Scheduled next;
  private boolean closed;

  QueueScaler(LocalDaemon daemon, LocalClock clock) {
    this.daemon = daemon;
    this.clock = clock;
  }

  synchronized void start() {
    if (!closed) {
      next = clock.schedule(TICK, () -> reader.execute(this::tickThenStart));
    }
  }

  private void tickThenStart() {
    try {
      Instant now = clock.now();
      for (AppRecord app : daemon.apps()) {
        tick(app, now);
      }
    } catch (RuntimeException e) {
      System.err.println("queue scaler: " + e);
    } finally {
      start();
    }
  }

  /** The latest decision for each queue rule of an app, by type. */
  public Map<String, Event> last(String app) {
    Map<String, TypeState> types = states.get(app);
    Map<String, Event> last = new HashMap<>();
    if (types != null) {
      synchronized (types) {
        types.forEach(
            (type, s) -> {
              if (s.last != null) {
                last.put(type, s.last);
              }
            });
      }
    }
    return last;
  }

  void tick(AppRecord app, Instant now) {
    if (app.queues().isEmpty()) {
      states.remove(app.name());
      return;
    }
    Map<String, TypeState> types = states.computeIfAbsent(app.name(), k -> new HashMap<>());
    synchronized (types) {
      types.keySet().retainAll(app.queues().stream().map(QueueRecord::type).toList());
      Map<String, String> env = null;
      for (QueueRecord q : app.queues()) {
        TypeState s = types.computeIfAbsent(q.type(), k -> new TypeState());
        if (now.isBefore(s.due)) {
          continue;
        }
        s.due = now.plusSeconds(q.intervalSeconds());
        if (env == null) {
          env = new HashMap<>(DaemonEnvironment.scrub(daemon.settings().env()));
          env.putAll(DotEnv.read(Path.of(app.dir())));
        }
        s.last = decide(app, q, s, env, now);
      }
    }
  }

  private Event decide(
      AppRecord app, QueueRecord q, TypeState s, Map<String, String> env, Instant now) {
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    int current = app.process(q.type()).map(ProcessRecord::quantity).orElse(0);
    long backlog;
    try {
      backlog = new BacklogReader(env).read(q.rule().source());
    } catch (ReadFailure e) {
      String why =
          "could not read the backlog ("
              + BacklogReader.describe(q.rule().source())
              + "): "
              + e.getMessage()
              + "; keeping "
              + current;
      if (s.last == null || !"error".equals(s.last.action())) {
        daemon.log(app.name()).line("heroku[autoscaler]", q.type() + ": " + why);
      }
      return new Event(at, q.type(), null, current, current, "error", why);
    }
    // the count as it is after the read (which may take seconds): an apply may have set it since
    // this round looked, and a decision against the older count could scale down too early
    int fresh = daemon.quantityOf(app.name(), q.type());
    if (fresh >= 0) {
      current = fresh;
    }
    List<Sample> history = new ArrayList<>(s.samples);
    history.add(new Sample(now, backlog));
    Decision d = QueueDecision.decide(history, current, q.rule(), q.band(), now);
    s.samples = QueueDecision.retained(history, q.rule(), now);
    if (!d.changes(current)) {
      return new Event(at, q.type(), backlog, current, current, "hold", d.reason());
    }
    // the count the scale replaced, read under the daemon's lock: an apply may have set it while
    // the backlog was being read
    int was = daemon.scaleQueue(app.name(), q.type(), d.desired());
    if (was < 0 || was == d.desired()) {
      int kept = was < 0 ? current : was;
      return new Event(at, q.type(), backlog, kept, kept, "hold", d.reason());
    }
    daemon
        .log(app.name())
        .line(
            "heroku[autoscaler]",
            "scale " + q.type() + " " + was + " -> " + d.desired() + ": " + d.reason());
    return new Event(at, q.type(), backlog, was, d.desired(), "scale", d.reason());
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel();
    }
    reader.shutdownNow();
  }
}
