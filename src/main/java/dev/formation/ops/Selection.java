package dev.formation.ops;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import dev.formation.plan.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The apps a command works on: those named with {@code --app} or {@code --target}, or every app of
 * the config; and the process types {@code --target APP.TYPE} narrows an app to.
 *
 * @param apps the names given with {@code --app}; each is the same as {@code --target APP}
 * @param targets the {@code APP} or {@code APP.TYPE} given with {@code --target}
 */
public record Selection(List<String> apps, List<String> targets) {
  public static final Selection ALL = new Selection(List.of());

  public Selection {
    apps = List.copyOf(apps);
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  public Selection(List<String> apps) {
    this(apps, List.of());
  }

  public boolean all() {
    return apps.isEmpty() && targets.isEmpty();
  }

  /**
   * The selected apps in config order, or {@code null} after adding an {@code FM110} diagnostic for
   * each {@code --app} the config does not have, and an {@code FM181} for each target it does not.
   */
  public Formation select(Formation formation, Diagnostics diagnostics) {
    if (all()) {
      return formation;
    }
    Set<String> wanted = new LinkedHashSet<>(apps);
    List<String> known = formation.apps().stream().map(AppSpec::name).toList();
    boolean ok = true;
    for (String name : apps) {
      if (formation.app(name).isEmpty()) {
        ok = false;
        diagnostics.error(
            Code.FM110, "--app " + name + ": no such app in the config", null, hint(name, known));
      }
    }
    for (Target t : targets(formation, diagnostics)) {
      if (t == null) {
        ok = false;
      } else {
        wanted.add(t.app());
      }
    }
    if (!ok) {
      return null;
    }
    return new Formation(formation.apps().stream().filter(a -> wanted.contains(a.name())).toList());
  }

  /**
   * What the plan is narrowed to: every {@code --target}, and each {@code --app} as a whole-app
   * target when targets are given too; empty without {@code --target} (then {@code --app} only
   * selects apps, as it always has).
   */
  public List<Target> narrowing(Formation formation) {
    if (targets.isEmpty()) {
      return List.of();
    }
    List<Target> all = new ArrayList<>();
    apps.forEach(a -> all.add(new Target(a, null)));
    all.addAll(targets(formation, new Diagnostics()));
    return all.stream().distinct().toList();
  }

  /** Each target read against the config: {@code null} in place of one it does not define. */
  private List<Target> targets(Formation formation, Diagnostics diagnostics) {
    List<String> known = formation.apps().stream().map(AppSpec::name).toList();
    List<Target> found = new ArrayList<>();
    for (String word : targets) {
      Target t = formation.app(word).isPresent() ? new Target(word, null) : parse(word);
      AppSpec app = t == null ? null : formation.app(t.app()).orElse(null);
      if (app == null) {
        String name = t == null ? word : t.app();
        diagnostics.error(
            Code.FM181,
            "--target " + word + ": no app " + name + " in the config",
            null,
            hint(name, known));
        found.add(null);
      } else if (t.type() != null && app.process(t.type()).isEmpty()) {
        List<String> types = app.processes().stream().map(ProcessSpec::type).toList();
        String hint = DidYouMean.didYouMean(t.type(), types);
        diagnostics.error(
            Code.FM181,
            "--target " + word + ": " + t.app() + " has no process type " + t.type(),
            null,
            hint != null ? hint : t.app() + " defines: " + String.join(", ", types));
        found.add(null);
      } else {
        found.add(t);
      }
    }
    return found;
  }

  private static Target parse(String word) {
    try {
      return Target.parse(word);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String hint(String name, List<String> known) {
    String hint = DidYouMean.didYouMean(name, known);
    if (hint != null) {
      return hint;
    }
    return known.isEmpty()
        ? "the config defines no app"
        : "the config defines: " + String.join(", ", known);
  }
}
