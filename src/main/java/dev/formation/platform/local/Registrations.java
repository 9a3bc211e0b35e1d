package dev.formation.platform.local;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.live.Placement.Difference;
import dev.formation.live.SetupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A local app's registration compared with where the local platform has it: the steps of one
 * registration (reading a local app never registers it; this is where a registration becomes a
 * change), the app as it will be once registered, and the same comparison in the words of drift,
 * apply's check and a stale plan.
 */
final class Registrations {
  /** The size the local platform gives a type it first sees, at 0 dynos, as Heroku does. */
  static final String NEW_TYPE_SIZE = "Standard-1X";

  private Registrations() {}

  /** The registration's steps in apply order; removed types are the planner's, by cost. */
  static List<SetupStep> steps(LocalRegistration want, LiveApp live) {
    List<SetupStep> steps = new ArrayList<>();
    if (!(live.placement() instanceof LocalRegistration have)) {
      steps.add(
          new SetupStep("register", "add", null, null, want.dir().toString(), want.port(), false));
      return steps;
    }
    if (!have.dir().equals(want.dir())) {
      steps.add(step("dir", null, have.dir().toString(), want.dir().toString(), false));
    }
    if (have.port() != want.port()) {
      steps.add(
          step("port", null, String.valueOf(have.port()), String.valueOf(want.port()), false));
    }
    for (Map.Entry<String, String> e : want.commands().entrySet()) {
      String was = have.commands().get(e.getKey());
      if (was == null) {
        steps.add(new SetupStep("add_type", "add", e.getKey(), null, e.getValue(), null, true));
      } else if (!was.equals(e.getValue())) {
        steps.add(step("command", e.getKey(), was, e.getValue(), true));
      }
    }
    for (String type : queueTypes(want, have)) {
      LocalQueue a = have.queue(type);
      LocalQueue b = want.queue(type);
      if (a == null || !a.equals(b)) {
        steps.add(step("queue", type, queueText(a), queueText(b), false));
      }
    }
    return steps;
  }

  /** The types either registration has a queue rule for, the wanted ones first. */
  private static List<String> queueTypes(LocalRegistration want, LocalRegistration have) {
    java.util.LinkedHashSet<String> types = new java.util.LinkedHashSet<>();
    want.queues().forEach(q -> types.add(q.type()));
    have.queues().forEach(q -> types.add(q.type()));
    return List.copyOf(types);
  }

  private static String queueText(LocalQueue q) {
    return q == null ? "none" : q.text();
  }

  private static SetupStep step(
      String operation, String type, String from, String to, boolean secret) {
    return new SetupStep(operation, "change", type, from, to, null, secret);
  }

  /**
   * Every Procfile type, with its live size and count where the app has it already and at 0 ×
   * {@value #NEW_TYPE_SIZE} where it does not; the monitor stays as it is.
   */
  static LiveApp projected(LiveApp live, LocalRegistration want) {
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

  /** What {@code formation drift} says of a registration that is not the config's. */
  static List<Difference> differences(LocalRegistration want, LiveApp live) {
    List<Difference> items = new ArrayList<>();
    if (!(live.placement() instanceof LocalRegistration have)) {
      items.add(
          new Difference(
              null,
              "app `" + live.name() + "` is not registered with the local platform",
              want.dir() + ", router port " + want.port(),
              "absent",
              true));
      return items;
    }
    if (!have.dir().equals(want.dir())) {
      items.add(
          difference(
              null,
              "app `" + live.name() + "` is registered from " + have.dir() + ", not " + want.dir(),
              want.dir().toString(),
              have.dir().toString()));
    }
    if (have.port() != want.port()) {
      items.add(
          difference(
              null,
              "the router of `"
                  + live.name()
                  + "` listens on "
                  + have.port()
                  + ", not "
                  + want.port(),
              String.valueOf(want.port()),
              String.valueOf(have.port())));
    }
    for (String type : want.commands().keySet()) {
      String was = have.commands().get(type);
      if (was == null) {
        items.add(
            difference(
                type, "Procfile type `" + type + "` is not registered", "registered", "absent"));
      } else if (!LocalRegistration.sealed(was)
          .equals(LocalRegistration.sealed(want.commands().get(type)))) {
        items.add(
            difference(
                type,
                "`" + type + "` runs another command than the Procfile's",
                want.commands().get(type),
                was));
      }
    }
    for (String type : have.commands().keySet()) {
      if (!want.commands().containsKey(type)) {
        items.add(
            difference(
                type,
                "`" + type + "` is registered but not in the Procfile",
                "absent",
                "registered"));
      }
    }
    for (String type : queueTypes(want, have)) {
      LocalQueue a = have.queue(type);
      LocalQueue b = want.queue(type);
      if (a == null || !a.equals(b)) {
        items.add(
            difference(
                type,
                "the local platform runs another queue rule for `" + type + "` than the file's",
                queueText(b),
                queueText(a)));
      }
    }
    return items;
  }

  private static Difference difference(
      String type, String message, String expected, String actual) {
    return new Difference(type, message, expected, actual, false);
  }

  /** What apply's check finds wrong with the registration once it was written. */
  static List<String> problems(LocalRegistration want, LiveApp now) {
    if (!(now.placement() instanceof LocalRegistration has)) {
      return List.of("the app is not registered with the local platform");
    }
    if (!has.dir().equals(want.dir()) || has.port() != want.port()) {
      return List.of(
          "the app is registered from "
              + has.dir()
              + " on router port "
              + has.port()
              + ", not from "
              + want.dir()
              + " on "
              + want.port());
    }
    if (!want.sameCommands(has.commands())) {
      return List.of(
          "the registered process types are "
              + String.join(", ", has.commands().keySet())
              + ", not "
              + String.join(", ", want.commands().keySet()));
    }
    if (!has.queues().equals(want.queues())) {
      return List.of("the registered queue rules are not the file's");
    }
    return List.of();
  }

  /** How the registration moved since a plan was made ({@code is} null: it is gone). */
  static List<String> moves(LocalRegistration was, LocalRegistration is) {
    List<String> moves = new ArrayList<>();
    if (is == null) {
      moves.add("the app's local registration is gone");
      return moves;
    }
    if (!was.dir().equals(is.dir())) {
      moves.add("local dir: " + was.dir() + " → " + is.dir());
    }
    if (was.port() != is.port()) {
      moves.add("router port: " + was.port() + " → " + is.port());
    }
    TreeSet<String> types = new TreeSet<>(was.commands().keySet());
    types.addAll(is.commands().keySet());
    for (String type : types) {
      String a = was.commands().get(type);
      String b = is.commands().get(type);
      if (a == null || b == null) {
        moves.add(
            "process type `"
                + type
                + "` "
                + (a == null ? "was added to" : "was removed from")
                + " the registration");
      } else if (!LocalRegistration.sealed(a).equals(LocalRegistration.sealed(b))) {
        moves.add("the command of `" + type + "` changed");
      }
    }
    for (String type : queueTypes(was, is)) {
      LocalQueue a = was.queue(type);
      LocalQueue b = is.queue(type);
      if (a == null || !a.equals(b)) {
        moves.add("the queue rule of `" + type + "` changed");
      }
    }
    return moves;
  }
}
