package dev.formation.ops.autoscale;

import dev.formation.apply.Platforms;
import dev.formation.apply.Targets;
import dev.formation.autoscale.QueueDecision;
import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.Sample;
import dev.formation.autoscale.read.BacklogReader;
import dev.formation.autoscale.read.ReadFailure;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.ops.autoscale.QueueEvent.Action;
import dev.formation.plan.schedule.Windows;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The controller's rounds over the queue-autoscaled types of a formation: at each round, the types
 * whose interval has passed are read and decided, and each app whose counts change gets one batch
 * formation update. It remembers each type's samples between rounds (the decision needs them to
 * scale down) and when each was last read.
 */
public final class QueueController {
  private final List<AppSpec> apps;
  private final Platforms platforms;
  private final BacklogReader reader;
  private final Map<String, List<Sample>> samples = new HashMap<>();
  private final Map<String, Instant> due = new HashMap<>();

  /**
   * @param formation the apps to control: only their queue-autoscaled types are looked at
   */
  public QueueController(Formation formation, Platforms platforms, BacklogReader reader) {
    this(formation, platforms, reader, Map.of());
  }

  /**
   * @param remembered the samples of earlier runs by {@code APP<TAB>TYPE} ({@code --state})
   */
  public QueueController(
      Formation formation,
      Platforms platforms,
      BacklogReader reader,
      Map<String, List<Sample>> remembered) {
    this.apps = controlled(formation);
    this.platforms = platforms;
    this.reader = reader;
    remembered.forEach((key, list) -> samples.put(key, List.copyOf(list)));
  }

  /** Each type's samples the decision still needs, by {@code APP<TAB>TYPE}. */
  public Map<String, List<Sample>> samples() {
    return Map.copyOf(samples);
  }

  /** The apps of a formation with a queue-autoscaled type on a platform without its own. */
  public static List<AppSpec> controlled(Formation formation) {
    return formation.apps().stream()
        .filter(a -> !a.platform().runsQueueAutoscaler())
        .filter(a -> a.processes().stream().anyMatch(QueueController::queueDriven))
        .toList();
  }

  private static boolean queueDriven(ProcessSpec p) {
    return (p.autoscaled() && p.autoscale().queueDriven())
        || p.schedule().stream()
            .anyMatch(w -> w.autoscale() != null && w.autoscale().queueDriven());
  }

  /**
   * One round at {@code now}: every type that is due is decided, and its event handed to {@code
   * events} once its app's write (if any) is done.
   *
   * @return whether any read or write failed
   */
  public boolean round(Instant now, Consumer<QueueEvent> events) {
    boolean failed = false;
    for (AppSpec app : apps) {
      List<Due> types = dueTypes(app, now);
      if (!types.isEmpty()) {
        failed |= roundOf(app, types, now, events);
      }
    }
    return failed;
  }

  /** The earliest moment a type is due again, after a round. */
  public Instant next(Instant now) {
    return due.values().stream().min(Instant::compareTo).orElse(now.plusSeconds(30));
  }

  /** A type due at this round: its base rule or, in a window, the window's band. */
  private record Due(String type, QueueRule rule, QueueDecision.Band band) {}

  private List<Due> dueTypes(AppSpec app, Instant now) {
    AppSpec resolved = Windows.resolve(app, now);
    List<Due> types = new ArrayList<>();
    for (ProcessSpec base : app.processes()) {
      ProcessSpec p = resolved.process(base.type()).orElse(base);
      AutoscaleSpec a = p.autoscale();
      QueueRule rule = a == null ? null : a.queue();
      if (rule == null && a != null && base.autoscale() != null) {
        rule = base.autoscale().queue();
      }
      String key = app.name() + "\t" + p.type();
      if (rule == null) {
        due.remove(key);
        continue;
      }
      if (!due.getOrDefault(key, now).isAfter(now)) {
        types.add(new Due(p.type(), rule, new QueueDecision.Band(a.min(), a.max())));
        due.put(key, now.plus(rule.interval()));
      }
    }
    return types;
  }

  private boolean roundOf(AppSpec app, List<Due> types, Instant now, Consumer<QueueEvent> events) {
    Target target = Targets.of(app);
    LiveApp live;
    Platform platform;
    try {
      platform = platforms.forKind(app.platform());
      live = platform.read(target);
    } catch (PlatformException e) {
      for (Due d : types) {
        events.accept(
            new QueueEvent(
                now,
                app.name(),
                d.type(),
                null,
                null,
                null,
                Action.ERROR,
                "could not read the app's formation: " + e.getMessage()));
      }
      return true;
    }
    boolean failed = false;
    List<QueueEvent> decided = new ArrayList<>();
    List<FormationUpdate> updates = new ArrayList<>();
    for (Due d : types) {
      QueueEvent e = decide(app.name(), d, live, now);
      failed |= e.action() == Action.ERROR;
      if (e.action() == Action.SCALE) {
        updates.add(new FormationUpdate(d.type(), e.desired(), null));
      }
      decided.add(e);
    }
    if (!updates.isEmpty()) {
      try {
        platform.apply(target, live, new Write.UpdateFormation(updates));
      } catch (PlatformException e) {
        failed = true;
        String why = "the new count was not written: " + e.getMessage();
        decided.replaceAll(q -> q.action() == Action.SCALE ? q.failed(why) : q);
      }
    }
    decided.forEach(events);
    return failed;
  }

  private QueueEvent decide(String app, Due d, LiveApp live, Instant now) {
    LiveProcess p = live.process(d.type()).orElse(null);
    if (p == null) {
      return new QueueEvent(
          now,
          app,
          d.type(),
          null,
          null,
          null,
          Action.ERROR,
          "the app has no process type " + d.type() + " (deploy one that declares it)");
    }
    int current = p.quantity();
    long backlog;
    try {
      backlog = reader.read(d.rule().source());
    } catch (ReadFailure e) {
      return new QueueEvent(
          now,
          app,
          d.type(),
          null,
          current,
          current,
          Action.ERROR,
          "could not read the backlog ("
              + BacklogReader.describe(d.rule().source())
              + "): "
              + e.getMessage()
              + "; keeping "
              + current);
    }
    String key = app + "\t" + d.type();
    List<Sample> history = new ArrayList<>(samples.getOrDefault(key, List.of()));
    history.add(new Sample(now, backlog));
    dev.formation.autoscale.Decision decision =
        QueueDecision.decide(history, current, d.rule(), d.band(), now);
    samples.put(key, QueueDecision.retained(history, d.rule(), now));
    return new QueueEvent(
        now,
        app,
        d.type(),
        backlog,
        current,
        decision.desired(),
        decision.changes(current) ? Action.SCALE : Action.HOLD,
        decision.reason());
  }
}
