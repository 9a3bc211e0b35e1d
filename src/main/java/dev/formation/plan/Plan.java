package dev.formation.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whole plan: one {@link AppPlan} per app in config order, with summary counts and cost.
 *
 * @param at the moment the schedules were evaluated for, or {@code null} for a plan made without
 *     one (no app has a schedule)
 * @param targets what {@code --target} narrowed the plan to; empty for a plan of every type of its
 *     apps
 */
public record Plan(List<AppPlan> apps, Instant at, List<Target> targets) {

  public Plan {
    apps = List.copyOf(apps);
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  public Plan(List<AppPlan> apps, Instant at) {
    this(apps, at, List.of());
  }

  /** This plan with other app plans, its moment and targets kept. */
  public Plan withApps(List<AppPlan> others) {
    return new Plan(others, at, targets);
  }

  /**
   * The process types of {@code app} a typed {@code --target} left out, live or planned, in name
   * order; empty when the app is targeted whole or the plan has no targets.
   */
  public List<String> notTargeted(AppPlan app) {
    List<String> types =
        targets.stream().filter(t -> t.app().equals(app.app())).map(Target::type).toList();
    if (types.isEmpty() || types.contains(null)) {
      return List.of();
    }
    TreeSet<String> others = new TreeSet<>();
    if (app.live() != null) {
      app.live().processes().forEach(p -> others.add(p.type()));
    }
    app.changes().stream().map(Change::type).filter(t -> t != null).forEach(others::add);
    app.unmanaged().forEach(u -> others.add(u.type()));
    others.removeAll(types);
    return List.copyOf(others);
  }

  /** A plan made without a moment: no app has a schedule. */
  public Plan(List<AppPlan> apps) {
    this(apps, null);
  }

  /** Whether any app has a schedule, so that the plan shows what is in force. */
  public boolean scheduled() {
    return apps.stream().anyMatch(a -> a.schedule() != null);
  }

  /** Whether any app breaks a guardrail that was not allowed: nothing may be applied then. */
  public boolean breaksGuardrails() {
    return apps.stream().anyMatch(AppPlan::breaksGuardrails);
  }

  /** Whether any app has a guardrail breach, allowed or not. */
  public boolean hasBreaches() {
    return apps.stream().anyMatch(a -> !a.breaches().isEmpty());
  }

  /**
   * The monthly estimate with every schedule weighted by the hours its windows are in force: an app
   * with schedules counts at its weighted estimate, any other at its cost once applied.
   */
  public CostRange weighted() {
    return apps.stream()
        .map(a -> a.schedule() != null ? a.schedule().weighted() : a.after())
        .reduce(CostRange.ZERO, CostRange::plus);
  }

  public Optional<AppPlan> app(String name) {
    return apps.stream().filter(a -> a.app().equals(name)).findFirst();
  }

  public boolean hasChanges() {
    return apps.stream().anyMatch(AppPlan::hasChanges);
  }

  public boolean hasErrors() {
    return apps.stream().anyMatch(AppPlan::hasErrors);
  }

  /** How many apps could not be read: their changes and cost are unknown. */
  public long unreadApps() {
    return apps.stream().filter(AppPlan::unread).count();
  }

  /** How many apps were read but could not be planned (a type the release does not define). */
  public long unplannedApps() {
    return apps.stream().filter(a -> a.hasErrors() && !a.unread()).count();
  }

  /**
   * Whether some app could not be read or planned: the plan then says nothing of its changes, and
   * the command exits 1.
   */
  public boolean incomplete() {
    return hasErrors();
  }

  /** How many changes of this kind the plan holds, per the summary line's counting rules. */
  public long count(Action action) {
    return apps.stream().mapToLong(a -> a.count(action)).sum();
  }

  public long toAdd() {
    return count(Action.ADD);
  }

  public long toChange() {
    return count(Action.CHANGE);
  }

  public long toRemove() {
    return count(Action.REMOVE);
  }

  /** The monthly cost of every planned app now. */
  public CostRange before() {
    return apps.stream().map(AppPlan::before).reduce(CostRange.ZERO, CostRange::plus);
  }

  /** The monthly cost of every planned app once applied. */
  public CostRange after() {
    return apps.stream().map(AppPlan::after).reduce(CostRange.ZERO, CostRange::plus);
  }

  public CostRange costDelta() {
    return after().minus(before());
  }
}
