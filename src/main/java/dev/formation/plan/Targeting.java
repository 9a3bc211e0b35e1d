package dev.formation.plan;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows a whole plan to the process types {@code --target APP.TYPE} names: the changes of the
 * other types of such an app are left out (never pruned, never resized), an autoscaler's change
 * goes with its type ({@code web}), and an app's registration goes with the app. A size change that
 * moves the app to another tier group would leave an untargeted type behind in the old group, which
 * the platform refuses in one batch: that is refused here, naming the types.
 */
public final class Targeting {
  private Targeting() {}

  /**
   * {@code plan} narrowed to {@code targets} (apps targeted whole keep every change), recording
   * them; a tier move that needs an untargeted type is added to {@code problems}.
   */
  public static Plan narrow(
      Plan plan, List<Target> targets, Catalog catalog, List<Diagnostic> problems) {
    if (targets.isEmpty()) {
      return plan;
    }
    List<AppPlan> apps = new ArrayList<>();
    for (AppPlan app : plan.apps()) {
      Set<String> types = new TreeSet<>();
      boolean whole = false;
      for (Target t : targets) {
        if (t.app().equals(app.app())) {
          whole |= t.type() == null;
          if (t.type() != null) {
            types.add(t.type());
          }
        }
      }
      apps.add(whole || types.isEmpty() ? app : narrow(app, types, catalog, problems));
    }
    return new Plan(apps, plan.at(), targets);
  }

  private static AppPlan narrow(
      AppPlan app, Set<String> types, Catalog catalog, List<Diagnostic> problems) {
    if (!app.hasChanges()) {
      return app;
    }
    List<Change> kept = new ArrayList<>();
    CostRange after = app.after();
    for (Change c : app.changes()) {
      if (c.type() == null || types.contains(c.type())) {
        kept.add(c);
      } else {
        after = after.minus(c.costDelta());
      }
    }
    List<String> left = leftInTheOldGroup(app, kept, types, catalog);
    if (!left.isEmpty()) {
      problems.add(
          Diagnostic.error(
              Code.FM182,
              app.app()
                  + ": the targeted size change moves the app to another tier group, which"
                  + " would leave "
                  + String.join(", ", left)
                  + " (not targeted) behind; its platform runs an app's types in one tier group",
              null,
              "target them too (--target "
                  + app.app()
                  + "."
                  + left.get(0)
                  + "), or the whole app (--target "
                  + app.app()
                  + ")"));
    }
    return app.withChanges(kept, after);
  }

  /** The untargeted live types outside the tier group a kept size change moves the app to. */
  private static List<String> leftInTheOldGroup(
      AppPlan app, List<Change> kept, Set<String> types, Catalog catalog) {
    if (!app.platform().enforcesTiers() || app.live() == null) {
      return List.of();
    }
    Optional<String> group =
        kept.stream()
            .filter(c -> c instanceof ProcessChange p && p.sizeChanged())
            .map(c -> catalog.find(((ProcessChange) c).toSize()))
            .flatMap(Optional::stream)
            .map(s -> s.tier().group())
            .findFirst();
    if (group.isEmpty()) {
      return List.of();
    }
    List<String> left = new ArrayList<>();
    for (LiveProcess p : app.live().processes()) {
      Optional<String> now = catalog.find(p.size()).map(Size::tier).map(t -> t.group());
      if (!types.contains(p.type()) && now.isPresent() && !now.get().equals(group.get())) {
        left.add(p.type());
      }
    }
    return left.stream().sorted().toList();
  }
}
