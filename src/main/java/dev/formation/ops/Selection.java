package dev.formation.ops;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The apps a command works on: those named with {@code --app}, or every app of the config.
 *
 * @param apps the names given; empty for every app
 */
public record Selection(List<String> apps) {
  public static final Selection ALL = new Selection(List.of());

  public Selection {
    apps = List.copyOf(apps);
  }

  public boolean all() {
    return apps.isEmpty();
  }

  /**
   * The selected apps in config order, or {@code null} after adding an {@code FM110} diagnostic for
   * each name the config does not have.
   */
  public Formation select(Formation formation, Diagnostics diagnostics) {
    if (apps.isEmpty()) {
      return formation;
    }
    Set<String> wanted = new LinkedHashSet<>(apps);
    List<String> known = formation.apps().stream().map(AppSpec::name).toList();
    boolean ok = true;
    for (String name : wanted) {
      if (formation.app(name).isEmpty()) {
        ok = false;
        diagnostics.error(
            Code.FM110, "--app " + name + ": no such app in the config", null, hint(name, known));
      }
    }
    if (!ok) {
      return null;
    }
    return new Formation(formation.apps().stream().filter(a -> wanted.contains(a.name())).toList());
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
