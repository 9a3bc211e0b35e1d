package dev.formation.ops;

import dev.formation.apply.AppResult;
import dev.formation.apply.Applier;
import dev.formation.apply.ApplyReport;
import dev.formation.apply.Interrupt;
import dev.formation.apply.LiveReader;
import dev.formation.apply.StalePlan;
import dev.formation.apply.Targets;
import dev.formation.config.Formation;
import dev.formation.config.Guardrail;
import dev.formation.config.LoadResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.AppPlan;
import dev.formation.plan.ConfigDigest;
import dev.formation.plan.Guardrails;
import dev.formation.plan.Plan;
import dev.formation.planfile.ApplyNoteJson;
import dev.formation.planfile.SavedPlan;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code formation apply}, in two steps so that the command can show the plan and ask between them:
 * {@link #prepare} plans (or reads a saved plan and checks it still holds), {@link Prepared#apply}
 * carries it out and records it in git. Nothing is written before {@code apply}.
 */
public final class ApplyOperation {
  /**
   * @param planFile a saved plan to apply exactly; {@code null} to plan now from {@code config}
   * @param allowDirty apply config files with uncommitted changes (recorded on no commit)
   */
  public record Request(
      ConfigSource config,
      Selection selection,
      Settings settings,
      Path planFile,
      boolean allowDirty,
      List<String> allow) {
    public Request {
      allow = allow == null ? List.of() : List.copyOf(allow);
    }

    /** An apply that allows no guardrail breach. */
    public Request(
        ConfigSource config,
        Selection selection,
        Settings settings,
        Path planFile,
        boolean allowDirty) {
      this(config, selection, settings, planFile, allowDirty, List.of());
    }
  }

  /**
   * What an apply did, and where it was recorded.
   *
   * @param recorded the line saying where the apply was noted, or {@code null} when it was not
   * @param recordedOn the commit the apply was noted on, or {@code null} when it was not
   */
  public record Result(
      ApplyReport report, String recorded, String recordedOn, Diagnostics diagnostics) {}

  private final Host host;
  private final String version;
  private final Clock clock;

  public ApplyOperation(Host host, String version, Clock clock) {
    this.host = host;
    this.version = version;
    this.clock = clock;
  }

  /**
   * The plan to apply, with the platforms it was read through kept open for {@link Prepared#apply};
   * close it whether or not it is applied.
   */
  public Prepared prepare(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    Adapters platforms =
        new Adapters(host, request.settings(), version, PlatformContext.Intent.APPLY);
    if (request.planFile() != null) {
      return fromFile(request, platforms, diagnostics);
    }
    Set<Guardrail> allowed = Allowances.parse(request.allow(), diagnostics);
    if (allowed == null) {
      return new Prepared(request, platforms, null, null, null, null, diagnostics);
    }
    if (!request.allowDirty()) {
      GitRecords.checkCommitted(request.config(), diagnostics);
      if (diagnostics.hasErrors()) {
        return new Prepared(request, platforms, null, null, null, null, diagnostics);
      }
    }
    LoadResult loaded = Configs.load(request.config());
    diagnostics.addAll(loaded.diagnostics());
    Formation selected = PlanOperation.select(loaded, request.selection(), diagnostics);
    if (selected == null) {
      return new Prepared(request, platforms, loaded, null, null, null, diagnostics);
    }
    Plan plan =
        PlanOperation.plan(
            selected, platforms, request.settings(), host.listener(), clock.instant());
    plan = PlanOperation.narrowed(plan, selected, request.selection(), diagnostics);
    String commit = GitRecords.commitOf(request.config(), diagnostics);
    plan =
        Guardrails.check(
            plan,
            selected,
            allowed,
            GitGuards.branchProblem(request.config(), commit),
            GitGuards.lastApplied(request.config()));
    Allowances.refuse(plan, "nothing was changed", diagnostics);
    platforms.warnings().forEach(diagnostics::add);
    return new Prepared(
        request, platforms, loaded, plan, ConfigDigest.of(selected), commit, diagnostics);
  }

  private Prepared fromFile(Request request, Adapters platforms, Diagnostics diagnostics) {
    if (!request.selection().all()) {
      diagnostics.error(
          Code.FM132,
          "--app and --target cannot narrow a saved plan",
          null,
          "make a new plan with `formation plan --target APP[.TYPE] --out FILE` instead");
      return new Prepared(request, platforms, null, null, null, null, diagnostics);
    }
    if (!request.allow().isEmpty()) {
      diagnostics.error(
          Code.FM132,
          "--allow cannot let a breach into a saved plan; allowances are made with the plan",
          null,
          "make the plan with `formation plan --allow RULE --out FILE`, then apply that file");
      return new Prepared(request, platforms, null, null, null, null, diagnostics);
    }
    Path file = request.config().workDir().resolve(request.planFile());
    SavedPlan saved = SavedPlans.read(file, request.planFile(), diagnostics);
    if (saved == null) {
      return new Prepared(request, platforms, null, null, null, null, diagnostics);
    }
    SavedWindows.check(saved.plan(), clock.instant(), diagnostics);
    Allowances.refuse(saved.plan(), "nothing was changed", diagnostics);
    if (diagnostics.hasErrors()) {
      return new Prepared(request, platforms, null, null, null, null, diagnostics);
    }
    List<Target> targets =
        saved.plan().apps().stream().filter(AppPlan::hasChanges).map(Targets::of).toList();
    LiveReader.Result now =
        new LiveReader(platforms, request.settings().parallelism(), host.listener()::progress)
            .read(targets);
    Map<String, List<String>> moved = StalePlan.moves(saved.plan(), now);
    moved.forEach(
        (app, what) ->
            diagnostics.error(
                Code.FM130,
                "the saved plan is stale: "
                    + app
                    + " changed since it was made: "
                    + String.join("; ", what),
                null,
                "nothing was changed; make a new plan with `formation plan`"));
    if (!moved.isEmpty()) {
      return new Prepared(request, platforms, null, null, null, null, diagnostics);
    }
    return new Prepared(
        request,
        platforms,
        null,
        StalePlan.rebased(saved.plan(), now),
        saved.configDigest(),
        saved.gitCommit(),
        diagnostics);
  }

  /**
   * A plan ready to apply.
   *
   * @param loaded the config as loaded ({@code null} for a saved plan or an early refusal)
   * @param plan {@code null} when preparing failed; see {@link #diagnostics}
   * @param digest the config digest recorded with the apply
   * @param commit the commit the apply is recorded on, or {@code null}
   */
  public final class Prepared implements AutoCloseable {
    private final Request request;
    private final Adapters platforms;
    private final LoadResult loaded;
    private final Plan plan;
    private final String digest;
    private final String commit;
    private final Diagnostics diagnostics;

    private Prepared(
        Request request,
        Adapters platforms,
        LoadResult loaded,
        Plan plan,
        String digest,
        String commit,
        Diagnostics diagnostics) {
      this.request = request;
      this.platforms = platforms;
      this.loaded = loaded;
      this.plan = plan;
      this.digest = digest;
      this.commit = commit;
      this.diagnostics = diagnostics;
    }

    public LoadResult loaded() {
      return loaded;
    }

    public Plan plan() {
      return plan;
    }

    public Diagnostics diagnostics() {
      return diagnostics;
    }

    /** Whether there is a plan to show and, if it has changes, to apply. */
    public boolean ok() {
      return plan != null && !diagnostics.hasErrors();
    }

    public boolean fromFile() {
      return request.planFile() != null;
    }

    /** Applies the plan, then notes the apply on its commit when at least one app was applied. */
    public Result apply() {
      return apply(Interrupt.never());
    }

    /**
     * As {@link #apply()}; once {@code interrupt} is set no new write starts, and the report and
     * the git note say what was applied before it.
     */
    public Result apply(Interrupt interrupt) {
      return apply(interrupt, Applier.Reread.BEFORE_WRITING);
    }

    /**
     * As {@link #apply(Interrupt)}. {@code reread} {@link Applier.Reread#NO} writes on the plan's
     * own read of each app, for a plan applied the moment it was made (nobody was asked); a saved
     * plan is always read again, since its fingerprints are checked against the platform
     * (docs/plan.md).
     */
    public Result apply(Interrupt interrupt, Applier.Reread reread) {
      if (!ok()) {
        throw new IllegalStateException("nothing to apply: the plan failed");
      }
      Diagnostics after = new Diagnostics();
      ApplyReport report =
          new Applier(
                  platforms,
                  request.settings().parallelism(),
                  host.listener()::progress,
                  fromFile() ? Applier.Reread.BEFORE_WRITING : reread)
              .apply(plan, interrupt);
      String recorded = null;
      if (commit != null
          && report.count(AppResult.Outcome.APPLIED) > 0
          && GitRecords.inGit(request.config())) {
        String line =
            ApplyNoteJson.line(
                plan,
                report,
                clock.instant(),
                version,
                digest,
                commit,
                request.settings().forceConflicts(),
                GitGuards.author(request.config(), host));
        recorded = GitRecords.note(request.config(), commit, line, after);
      }
      return new Result(report, recorded, recorded == null ? null : commit, after);
    }

    @Override
    public void close() {
      platforms.close();
    }
  }
}
