package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The meaning of a change to formation.yaml: which apps and process types changed between two
 * versions (their windows, zone and guardrails included), and the monthly cost of each version by
 * the planner's rules ({@link Costs}), scheduled types weighted by the hours their windows are in
 * force. Pure and offline: no platform is read.
 *
 * @param apps the apps that differ, in the order of the newer version, then removed apps
 */
public record FormationDiff(List<AppDiff> apps, CostRange before, CostRange after) {
  public FormationDiff {
    apps = List.copyOf(apps);
  }

  /** How an app or a process type moved between the two versions. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One app that differs.
   *
   * @param pruneBefore {@code prune} in the older version, {@code null} when the app is new
   * @param types the process types that differ, in the order of the newer version
   */
  public record AppDiff(
      String app,
      Kind kind,
      Boolean pruneBefore,
      Boolean pruneAfter,
      List<TypeDiff> types,
      CostRange before,
      CostRange after,
      List<SettingDiff> settings) {
    public AppDiff {
      types = List.copyOf(types);
      settings = settings == null ? List.of() : List.copyOf(settings);
    }

    /** An app diff without changed settings (zone, guardrails). */
    public AppDiff(
        String app,
        Kind kind,
        Boolean pruneBefore,
        Boolean pruneAfter,
        List<TypeDiff> types,
        CostRange before,
        CostRange after) {
      this(app, kind, pruneBefore, pruneAfter, types, before, after, List.of());
    }

    public CostRange costDelta() {
      return after.minus(before);
    }

    public boolean pruneChanged() {
      return kind == Kind.CHANGED && !Objects.equals(pruneBefore, pruneAfter);
    }
  }

  /**
   * One process type that differs; {@code before} is null when added, {@code after} when removed.
   */
  public record TypeDiff(
      String type,
      Kind kind,
      ProcessState before,
      ProcessState after,
      CostRange costBefore,
      CostRange costAfter,
      List<WindowDiff> windows) {
    public TypeDiff {
      windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** A type diff without schedules. */
    public TypeDiff(
        String type,
        Kind kind,
        ProcessState before,
        ProcessState after,
        CostRange costBefore,
        CostRange costAfter) {
      this(type, kind, before, after, costBefore, costAfter, List.of());
    }

    public CostRange costDelta() {
      return costAfter.minus(costBefore);
    }

    /** Whether the type's own values changed (not only its windows). */
    public boolean baseChanged() {
      return !Objects.equals(before, after);
    }
  }

  /**
   * One window that differs between the versions; {@code before} is null when added, {@code after}
   * when removed.
   *
   * @param costDelta what the change adds to the type's weighted monthly estimate
   */
  public record WindowDiff(
      String name, Kind kind, WindowState before, WindowState after, CostRange costDelta) {}

  /**
   * A setting of an app that differs: {@code timezone} (for apps with schedules) or a guardrail by
   * its key; {@code before} and {@code after} as the file would write them, {@code null} when not
   * set.
   */
  public record SettingDiff(String key, String before, String after) {}

  public boolean isEmpty() {
    return apps.isEmpty();
  }

  public CostRange costDelta() {
    return after.minus(before);
  }

  /** The diff of {@code older} to {@code newer}. */
  public static FormationDiff between(Formation older, Formation newer) {
    List<AppDiff> apps = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    newer.apps().forEach(a -> names.add(a.name()));
    older.apps().forEach(a -> names.add(a.name()));
    for (String name : names) {
      diffApp(older.app(name), newer.app(name)).ifPresent(apps::add);
    }
    return new FormationDiff(apps, cost(older), cost(newer));
  }

  /** One app's diff; {@link Optional#empty()} when it did not change. */
  public static Optional<AppDiff> diffApp(Optional<AppSpec> older, Optional<AppSpec> newer) {
    AppSpec a = older.orElse(null);
    AppSpec b = newer.orElse(null);
    String name = (b != null ? b : a).name();
    Kind kind = a == null ? Kind.ADDED : b == null ? Kind.REMOVED : Kind.CHANGED;
    List<TypeDiff> types = new ArrayList<>();
    Set<String> typeNames = new LinkedHashSet<>();
    if (b != null) {
      b.processes().forEach(p -> typeNames.add(p.type()));
    }
    if (a != null) {
      a.processes().forEach(p -> typeNames.add(p.type()));
    }
    for (String type : typeNames) {
      ProcessSpec from = a == null ? null : a.process(type).orElse(null);
      ProcessSpec to = b == null ? null : b.process(type).orElse(null);
      ProcessState s1 = from == null ? null : ProcessState.of(from);
      ProcessState s2 = to == null ? null : ProcessState.of(to);
      List<WindowDiff> windows = Schedules.windows(from, to);
      if (!Objects.equals(s1, s2) || !windows.isEmpty()) {
        Kind k = s1 == null ? Kind.ADDED : s2 == null ? Kind.REMOVED : Kind.CHANGED;
        types.add(new TypeDiff(type, k, s1, s2, cost(a, from), cost(b, to), windows));
      }
    }
    Boolean pruneA = a == null ? null : a.prune();
    Boolean pruneB = b == null ? null : b.prune();
    boolean samePlatform = a == null || b == null || a.platform() == b.platform();
    List<SettingDiff> settings = kind == Kind.CHANGED ? Schedules.settings(a, b) : List.of();
    if (kind == Kind.CHANGED
        && types.isEmpty()
        && settings.isEmpty()
        && Objects.equals(pruneA, pruneB)
        && samePlatform) {
      return Optional.empty();
    }
    CostRange before = a == null ? CostRange.ZERO : Costs.weighted(a);
    CostRange after = b == null ? CostRange.ZERO : Costs.weighted(b);
    return Optional.of(new AppDiff(name, kind, pruneA, pruneB, types, before, after, settings));
  }

  /** A type's monthly estimate at the app's prices, its windows weighted by their hours. */
  private static CostRange cost(AppSpec app, ProcessSpec spec) {
    return spec == null ? CostRange.ZERO : Costs.weighted(app, spec);
  }

  private static CostRange cost(Formation formation) {
    return formation.apps().stream().map(Costs::weighted).reduce(CostRange.ZERO, CostRange::plus);
  }
}
