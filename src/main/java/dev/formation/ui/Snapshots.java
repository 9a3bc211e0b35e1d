package dev.formation.ui;

import dev.formation.apply.LiveReader;
import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveApp;
import dev.formation.ops.Adapters;
import dev.formation.ops.Configs;
import dev.formation.ops.PlanOperation;
import dev.formation.plan.Drift;
import dev.formation.plan.DriftReport;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import dev.formation.platform.PlatformContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the page shows, made afresh at each poll: the files are loaded again (a change on disk shows
 * at the next poll) and planned by the pure planner against the last live read; the platforms are
 * read again only once that read is {@link #every} old (10 s, longer for more than three apps), or
 * when the files name an app it did not read, so each app is read at most once in that time however
 * many pages poll.
 */
final class Snapshots {
  /** Half of Heroku's hourly budget: the rest is left to the CLI, CI and everything else. */
  static final int REQUESTS_PER_HOUR = 2250;

  private final UiServer.Options options;
  private final Planner planner = new Planner(Catalog.standard());
  private Instant readAt;
  private Map<String, LiveApp> live = Map.of();
  private Map<String, String> errors = Map.of();

  /** The apps whose platform named why they cannot be read (FM152, FM154, ...). */
  private Map<String, Diagnostic> coded = Map.of();

  Snapshots(UiServer.Options options) {
    this.options = options;
  }

  /** The overview and the weeks, as {@code GET /api/state} answers. */
  synchronized ObjectNode state() {
    Clock clock = options.clock();
    Instant now = clock.instant();
    LoadResult loaded = Configs.load(options.config());
    ObjectNode state = UiJson.object();
    state.set("diagnostics", UiJson.diagnostics(loaded.diagnostics()));
    if (!loaded.ok()) {
      state.putArray("apps");
      state.putArray("weeks");
      return state;
    }
    Formation formation = loaded.formationOrNull();
    Plan plan = plan(formation, now);
    DriftReport drift = Drift.classify(formation, live, errors, clock, now);
    state.set("apps", Overview.of(formation, plan, drift));
    state.set("weeks", Week.of(formation, now));
    state.set("plan", PlanJson.of(plan));
    state.put("read_at", readAt.toString());
    return state;
  }

  /** The plan of {@code formation} at {@code now}, against the live state read last. */
  synchronized Plan plan(Formation formation, Instant now) {
    boolean stale =
        readAt == null
            || !Duration.between(readAt, now).minus(every(formation.apps().size())).isNegative();
    boolean unknown =
        formation.apps().stream()
            .anyMatch(a -> !live.containsKey(a.name()) && !errors.containsKey(a.name()));
    if (stale || unknown) {
      read(formation.apps(), now);
    }
    return PlanOperation.withPlatformErrors(
        formation, planner.plan(formation, live, errors, now), coded);
  }

  /**
   * How long a live read is reused: {@link UiServer.Options#liveEvery}, or longer for many apps, so
   * that the page spends at most {@link #REQUESTS_PER_HOUR} of a Heroku account's 4,500 requests an
   * hour (an app's read is one or two requests).
   */
  Duration every(int apps) {
    Duration share = Duration.ofSeconds(3600).multipliedBy(2L * apps).dividedBy(REQUESTS_PER_HOUR);
    return share.compareTo(options.liveEvery()) > 0 ? share : options.liveEvery();
  }

  private void read(List<AppSpec> apps, Instant now) {
    try (Adapters platforms =
        new Adapters(
            options.host(), options.settings(), options.version(), PlatformContext.Intent.PLAN)) {
      LiveReader.Result result =
          new LiveReader(platforms, options.settings().parallelism(), line -> {}).readApps(apps);
      live = new HashMap<>(result.live());
      errors = new HashMap<>(result.errors());
      coded = new HashMap<>(result.coded());
    }
    readAt = now;
  }
}
