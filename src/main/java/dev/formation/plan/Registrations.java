package dev.formation.plan;

import dev.formation.config.LocalSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.live.LocalRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans a local app's registration: what differs between where the config wants it (folder, router
 * port, the Procfile's types and commands) and where the local platform has it, and the formation
 * the app will have once apply has registered it, which the rest of the plan is made against.
 * Reading a local app never registers it; this is where a registration becomes a change.
 */
final class Registrations {
  /** The size the local platform gives a type it first sees, at 0 dynos, as Heroku does. */
  static final String NEW_TYPE_SIZE = "Standard-1X";

  private Registrations() {}

  /**
   * @param changes the registration changes, in apply order
   * @param projected the live app as it will be right after the registration
   * @param removed the live processes the registration drops (their dynos stop)
   */
  record Result(List<LocalChange> changes, LiveApp projected, List<LiveProcess> removed) {}

  static LocalRegistration desired(LocalSpec local) {
    return new LocalRegistration(local.dir(), local.port(), local.procfile());
  }

  static Result plan(LocalSpec spec, LiveApp live) {
    LocalRegistration want = desired(spec);
    LocalRegistration have = live.registration();
    List<LocalChange> changes = new ArrayList<>();
    List<LiveProcess> removed = new ArrayList<>();
    if (have == null) {
      changes.add(
          new LocalChange(
              LocalChange.Kind.REGISTER,
              null,
              null,
              want.dir().toString(),
              want.port(),
              CostRange.ZERO));
    } else {
      if (!have.dir().equals(want.dir())) {
        changes.add(change(LocalChange.Kind.DIR, null, have.dir(), want.dir()));
      }
      if (have.port() != want.port()) {
        changes.add(change(LocalChange.Kind.PORT, null, have.port(), want.port()));
      }
      for (Map.Entry<String, String> e : want.commands().entrySet()) {
        String was = have.commands().get(e.getKey());
        if (was == null) {
          changes.add(change(LocalChange.Kind.ADD_TYPE, e.getKey(), null, e.getValue()));
        } else if (!was.equals(e.getValue())) {
          changes.add(change(LocalChange.Kind.COMMAND, e.getKey(), was, e.getValue()));
        }
      }
      for (LiveProcess p : live.processes()) {
        if (!want.commands().containsKey(p.type())) {
          removed.add(p);
        }
      }
    }
    return new Result(changes, projected(live, want), removed);
  }

  /** The cost-carrying change for a type the registration drops. */
  static LocalChange removal(LiveProcess p, CostRange cost) {
    return new LocalChange(
        LocalChange.Kind.REMOVE_TYPE,
        p.type(),
        p.command(),
        null,
        null,
        CostRange.ZERO.minus(cost));
  }

  /**
   * Every Procfile type, with its live size and count where the app has it already and at 0 ×
   * {@value #NEW_TYPE_SIZE} where it does not; the monitor stays as it is.
   */
  private static LiveApp projected(LiveApp live, LocalRegistration want) {
    List<LiveProcess> processes = new ArrayList<>();
    for (Map.Entry<String, String> e : want.commands().entrySet()) {
      LiveProcess now = live.process(e.getKey()).orElse(null);
      processes.add(
          now == null
              ? new LiveProcess(e.getKey(), NEW_TYPE_SIZE, 0, e.getValue(), null)
              : new LiveProcess(
                  now.type(), now.size(), now.quantity(), e.getValue(), now.updatedAt()));
    }
    return new LiveApp(live.name(), live.id(), live.generation(), processes, live.monitor(), want);
  }

  private static LocalChange change(LocalChange.Kind kind, String type, Object from, Object to) {
    return new LocalChange(
        kind,
        type,
        from == null ? null : from.toString(),
        Objects.toString(to, null),
        null,
        CostRange.ZERO);
  }
}
