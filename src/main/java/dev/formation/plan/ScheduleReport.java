package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import dev.formation.plan.schedule.Windows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code formation schedule}: each process type's timeline over a stretch of days (every change of
 * quantity or band, with its monthly rate) and the monthly estimate with windows weighted by the
 * hours they are in force. Pure and offline.
 *
 * @param from the first moment of the timeline; {@code to} the end (exclusive)
 */
public record ScheduleReport(Instant from, Instant to, List<AppTimeline> apps) {
  public ScheduleReport {
    apps = List.copyOf(apps);
  }

  /** The estimate of every app, windows weighted ({@link Costs#weighted}). */
  public CostRange weighted() {
    return apps.stream().map(AppTimeline::weighted).reduce(CostRange.ZERO, CostRange::plus);
  }

  /** One app: its zone and each of its types, in config order. */
  public record AppTimeline(String app, String zone, List<TypeTimeline> types) {
    public AppTimeline {
      types = List.copyOf(types);
    }

    public CostRange weighted() {
      return types.stream().map(TypeTimeline::weighted).reduce(CostRange.ZERO, CostRange::plus);
    }
  }

  /**
   * One process type.
   *
   * @param steps from {@code from} on, each change of its count or band; one step for a type
   *     without a schedule
   * @param weighted its monthly estimate with its windows weighted by the hours they are in force
   * @param windows each window with the share of the week it is in force, in config order
   */
  public record TypeTimeline(
      String type, String size, List<Step> steps, CostRange weighted, List<WindowShare> windows) {
    public TypeTimeline {
      steps = List.copyOf(steps);
      windows = List.copyOf(windows);
    }
  }

  /**
   * From {@code at} on, the type runs {@code quantity} dynos or autoscales in {@code autoscale}.
   *
   * @param window the window in force, or {@code null} for the type's own values
   * @param monthly what a month at this count or band costs
   */
  public record Step(
      Instant at, String window, Integer quantity, AutoscaleRule autoscale, CostRange monthly) {
    boolean sameValues(Step other) {
      return Objects.equals(quantity, other.quantity) && Objects.equals(autoscale, other.autoscale);
    }
  }

  /** A window and the wall-clock minutes of the week it is in force. */
  public record WindowShare(String name, String when, int weeklyMinutes) {
    public double percent() {
      return 100.0 * weeklyMinutes / WindowSpec.WEEK;
    }
  }

  /** The timeline of every app of {@code formation} from {@code from} for {@code days} days. */
  public static ScheduleReport of(Formation formation, Instant from, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("a timeline covers at least one day: " + days);
    }
    Instant to = from.plus(Duration.ofDays(days));
    List<AppTimeline> apps = new ArrayList<>();
    for (AppSpec app : formation.apps()) {
      List<TypeTimeline> types = new ArrayList<>();
      for (ProcessSpec p : app.processes()) {
        types.add(type(app, p, from, to));
      }
      apps.add(new AppTimeline(app.name(), app.timezone().getId(), types));
    }
    return new ScheduleReport(from, to, apps);
  }

  private static TypeTimeline type(AppSpec app, ProcessSpec p, Instant from, Instant to) {
    List<Step> steps = new ArrayList<>();
    List<Windows.Change> changes =
        p.scheduled()
            ? Windows.timeline(p, app.timezone(), from, to)
            : List.of(new Windows.Change(from, null));
    for (Windows.Change c : changes) {
      ProcessSpec now = Windows.effective(p, c.window());
      Step step =
          new Step(
              c.at(),
              c.window() == null ? null : c.window().name(),
              now.autoscaled() ? null : now.quantity(),
              now.autoscaled() ? AutoscaleRule.of(now.autoscale()) : null,
              Costs.of(now));
      if (steps.isEmpty() || !steps.get(steps.size() - 1).sameValues(step)) {
        steps.add(step);
      }
    }
    List<WindowShare> shares =
        p.schedule().stream()
            .map(w -> new WindowShare(w.name(), w.when(), w.weeklyMinutes()))
            .toList();
    return new TypeTimeline(p.type(), p.size().name(), steps, Costs.weighted(p), shares);
  }
}
