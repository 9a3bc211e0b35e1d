package dev.formation.plan;

import java.util.List;
import java.util.Optional;

/** The whole plan: one {@link AppPlan} per app in config order, with summary counts and cost. */
public record Plan(List<AppPlan> apps) {

  public Plan {
    apps = List.copyOf(apps);
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
