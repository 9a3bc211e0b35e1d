package dev.formation.ops;

import dev.formation.apply.LiveReader;
import dev.formation.apply.Platforms;
import dev.formation.catalog.Catalog;
import dev.formation.config.Formation;
import dev.formation.config.Guardrail;
import dev.formation.config.LoadResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.AppPlan;
import dev.formation.plan.ConfigDigest;
import dev.formation.plan.Guardrails;
import dev.formation.plan.OfflineBasis;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import dev.formation.plan.Target;
import dev.formation.plan.Targeting;
import dev.formation.planfile.ApplyNoteJson;
import dev.formation.planfile.SavedPlan;
import dev.formation.platform.PlatformContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code formation plan}: load the config, select apps, read them live (changing nothing on any
 * platform), plan, and save the plan when asked.
 */
public final class PlanOperation {
  /**
   * @param out where to save the plan for {@code apply FILE}, or {@code null}
   * @param at the moment to evaluate schedules for ({@code --at}), or {@code null} for now
   * @param allow the guardrails {@code --allow} lets through, by name
   * @param offline plan against the last apply recorded in git instead of the live platform: no
   *     adapter is opened and nothing is sent anywhere ({@code plan --offline})
   */
  public record Request(
      ConfigSource config,
      Selection selection,
      Settings settings,
      Path out,
      Instant at,
      List<String> allow,
      boolean offline) {
    public Request {
      allow = allow == null ? List.of() : List.copyOf(allow);
    }

    /** A plan of the live platform. */
    public Request(
        ConfigSource config,
        Selection selection,
        Settings settings,
        Path out,
        Instant at,
        List<String> allow) {
      this(config, selection, settings, out, at, allow, false);
    }

    /** A plan for now, allowing no guardrail breach. */
    public Request(ConfigSource config, Selection selection, Settings settings, Path out) {
      this(config, selection, settings, out, null, List.of());
    }
  }

  /**
   * @param loaded the config as loaded, with the sources its diagnostics quote
   * @param plan the plan, or {@code null} when the config or the request failed
   * @param saved where the plan was saved, or {@code null}
   * @param diagnostics the config's and the operation's findings, in one list
   * @param offline for an offline plan, what each app was planned against; {@code null} for a plan
   *     of the live platform
   */
  public record Result(
      LoadResult loaded,
      Formation selected,
      Plan plan,
      Path saved,
      Diagnostics diagnostics,
      OfflineBasis offline) {
    public Result(
        LoadResult loaded, Formation selected, Plan plan, Path saved, Diagnostics diagnostics) {
      this(loaded, selected, plan, saved, diagnostics, null);
    }

    public boolean ok() {
      return plan != null && !diagnostics.hasErrors();
    }
  }

  private final Host host;
  private final String version;
  private final Clock clock;

  public PlanOperation(Host host, String version, Clock clock) {
    this.host = host;
    this.version = version;
    this.clock = clock;
  }

  public Result run(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    if (request.offline() && request.out() != null) {
      diagnostics.error(
          Code.FM184,
          "an offline plan cannot be saved: it was made against the last apply recorded in git,"
              + " not the live platform, so it must never be applied; nothing was read or saved",
          null,
          "save a plan of the live platform (`formation plan --out FILE` with a token), or drop"
              + " --out to review the offline plan");
      return new Result(null, null, null, null, diagnostics);
    }
    Path out = request.out() == null ? null : request.config().workDir().resolve(request.out());
    if (out != null && !SavedPlans.checkTarget(out, request.out(), diagnostics)) {
      return new Result(null, null, null, null, diagnostics);
    }
    Set<Guardrail> allowed = Allowances.parse(request.allow(), diagnostics);
    if (allowed == null) {
      return new Result(null, null, null, null, diagnostics);
    }
    LoadResult loaded = Configs.load(request.config());
    diagnostics.addAll(loaded.diagnostics());
    Formation selected = select(loaded, request.selection(), diagnostics);
    if (selected == null) {
      return new Result(loaded, null, null, null, diagnostics);
    }
    Instant at = request.at() != null ? request.at() : clock.instant();
    if (request.offline()) {
      return offline(request, loaded, selected, allowed, at, diagnostics);
    }
    Plan plan;
    try (Adapters platforms =
        new Adapters(host, request.settings(), version, PlatformContext.Intent.PLAN)) {
      plan = plan(selected, platforms, request.settings(), host.listener(), at);
      platforms.warnings().forEach(diagnostics::add);
    }
    plan = narrowed(plan, selected, request.selection(), diagnostics);
    String commit = out == null ? null : GitRecords.commitOf(request.config(), diagnostics);
    // a saved plan is an apply to be: the branch it may be applied from is judged now
    plan =
        Guardrails.check(
            plan,
            selected,
            allowed,
            out == null ? null : GitGuards.branchProblem(request.config(), commit),
            GitGuards.lastApplied(request.config()));
    if (out == null) {
      Allowances.refuse(plan, "nothing would be applied", diagnostics);
      return new Result(loaded, selected, plan, null, diagnostics);
    }
    Allowances.refuse(plan, "the plan was not saved", diagnostics);
    if (plan.breaksGuardrails() || diagnostics.hasErrors()) {
      return new Result(loaded, selected, plan, null, diagnostics);
    }
    SavedPlan saved =
        new SavedPlan(plan, ConfigDigest.of(selected), commit, clock.instant(), version);
    boolean written = SavedPlans.write(out, request.out(), saved, diagnostics);
    return new Result(loaded, selected, plan, written ? request.out() : null, diagnostics);
  }

  /**
   * {@code plan --offline}: the selected apps planned against their last recorded applies, narrowed
   * and checked against the guardrails as a live plan is; never saved.
   */
  private static Result offline(
      Request request,
      LoadResult loaded,
      Formation selected,
      Set<Guardrail> allowed,
      Instant at,
      Diagnostics diagnostics) {
    Map<String, ApplyNoteJson.Recorded> records =
        OfflinePlans.records(request.config(), diagnostics);
    OfflinePlans.Offline offline = OfflinePlans.plan(selected, records, at);
    Plan plan = narrowed(offline.plan(), selected, request.selection(), diagnostics);
    plan =
        Guardrails.check(
            plan,
            selected,
            allowed,
            null,
            app -> records.containsKey(app) ? records.get(app).formation() : null);
    Allowances.refuse(plan, "nothing would be applied", diagnostics);
    return new Result(loaded, selected, plan, null, diagnostics, offline.basis());
  }

  /** The selected apps of a loaded config; {@code null} when it is invalid or a name is unknown. */
  public static Formation select(LoadResult loaded, Selection selection, Diagnostics diagnostics) {
    if (!loaded.ok()) {
      return null;
    }
    return selection.select(loaded.formationOrNull(), diagnostics);
  }

  /**
   * {@code plan} narrowed to the selection's {@code --target}s, with Terraform's warning that a
   * targeted plan may leave the rest out of step; a narrowing that cannot be applied in one batch
   * per app is an error in {@code diagnostics}.
   */
  static Plan narrowed(
      Plan plan, Formation selected, Selection selection, Diagnostics diagnostics) {
    List<Target> targets = selection.narrowing(selected);
    if (targets.isEmpty()) {
      return plan;
    }
    List<Diagnostic> problems = new ArrayList<>();
    Plan narrowed = Targeting.narrow(plan, targets, Catalog.standard(), problems);
    problems.forEach(diagnostics::add);
    diagnostics.warning(
        Code.FM183,
        "the plan is narrowed to "
            + targets.stream().map(Target::word).collect(Collectors.joining(", "))
            + ": the rest of the config is left as it is live, and may be out of step",
        null,
        "use --target for exceptional situations (a repair, one type at a time); plan without it"
            + " to see everything the config asks for");
    return narrowed;
  }

  /**
   * Reads every app of {@code selected} live, in parallel, and plans them as they are at {@code
   * at}.
   */
  static Plan plan(
      Formation selected, Platforms platforms, Settings settings, Listener listener, Instant at) {
    Planner planner = new Planner(Catalog.standard());
    // each app is planned on this thread as soon as it is read, while the others are still read
    Map<String, AppPlan> planned = new HashMap<>();
    LiveReader.Result live =
        new LiveReader(platforms, settings.parallelism(), listener::progress)
            .readApps(
                selected.apps(),
                (app, state) ->
                    planned.put(app, planner.planApp(selected.app(app).orElseThrow(), state, at)));
    Plan plan = planner.plan(selected, live.live(), live.errors(), at, planned);
    return withPlatformErrors(selected, plan, live.coded());
  }

  /**
   * {@code plan} with each app whose platform named why it cannot be read or planned ({@code
   * coded}: FM152, FM154, ...) showing that diagnostic, not the generic read error.
   */
  public static Plan withPlatformErrors(
      Formation selected, Plan plan, Map<String, Diagnostic> coded) {
    if (coded.isEmpty()) {
      return plan;
    }
    List<AppPlan> apps = new ArrayList<>();
    for (AppPlan app : plan.apps()) {
      Diagnostic own = coded.get(app.app());
      apps.add(
          own == null
              ? app
              : unreadableWith(
                  Planner.unreadable(selected.app(app.app()).orElseThrow(), own), app));
    }
    return new Plan(apps, plan.at(), plan.targets());
  }

  /** {@code refused}, keeping the schedule {@code unread} was given. */
  private static AppPlan unreadableWith(AppPlan refused, AppPlan unread) {
    return unread.schedule() == null ? refused : refused.withSchedule(unread.schedule());
  }
}
