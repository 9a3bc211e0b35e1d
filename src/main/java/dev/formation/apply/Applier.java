package dev.formation.apply;

import dev.formation.plan.AppPlan;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.Plan;
import dev.formation.plan.ProcessChange;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a plan, app by app in parallel (bounded): disable monitors, one batch formation update,
 * create or update monitors, then re-read and verify. One app failing does not stop the others, and
 * every app's result says what was done and what was not.
 */
public final class Applier {
  private final Platforms platforms;
  private final int parallelism;
  private final Progress progress;

  public Applier(Platforms platforms, int parallelism, Progress progress) {
    this.platforms = platforms;
    this.parallelism = parallelism;
    this.progress = progress;
  }

  public ApplyReport apply(Plan plan) {
    Map<String, AppResult> results = new ConcurrentHashMap<>();
    List<AppPlan> work = plan.apps().stream().filter(AppPlan::hasChanges).toList();
    Parallel.forEach(work, parallelism, app -> results.put(app.app(), applyOne(app)));
    List<AppResult> ordered = new ArrayList<>();
    for (AppPlan app : plan.apps()) {
      if (app.hasErrors()) {
        ordered.add(
            new AppResult(
                app.app(),
                AppResult.Outcome.NOT_APPLIED,
                List.of(),
                List.of(),
                String.join("; ", app.errors()),
                List.of()));
      } else if (!app.hasChanges()) {
        ordered.add(
            new AppResult(
                app.app(), AppResult.Outcome.UNCHANGED, List.of(), List.of(), null, List.of()));
      } else {
        ordered.add(results.get(app.app()));
      }
    }
    return new ApplyReport(ordered);
  }

  private AppResult applyOne(AppPlan app) {
    progress.report("applying " + app.app() + " …");
    List<Step> steps = steps(app);
    List<String> done = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Platform platform;
    try {
      platform = platforms.forKind(app.platform());
    } catch (PlatformException e) {
      return failed(app, done, steps, 0, Failures.describe(e), notes);
    }
    AppliedState state = new AppliedState(app.live());
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      try {
        step.action().run(platform, state, notes);
        done.add(step.description());
      } catch (PlatformException e) {
        return failed(app, done, steps, i, step.description() + ": " + Failures.describe(e), notes);
      }
    }
    try {
      List<String> problems = new Verifier(platform, app).verify(notes);
      if (!problems.isEmpty()) {
        return new AppResult(
            app.app(),
            AppResult.Outcome.FAILED,
            done,
            List.of(),
            "did not converge: " + String.join("; ", problems),
            notes);
      }
    } catch (PlatformException e) {
      return new AppResult(
          app.app(),
          AppResult.Outcome.FAILED,
          done,
          List.of("verify"),
          "could not re-read the app to verify it: " + Failures.describe(e),
          notes);
    }
    progress.report("applied " + app.app());
    return new AppResult(app.app(), AppResult.Outcome.APPLIED, done, List.of(), null, notes);
  }

  private AppResult failed(
      AppPlan app,
      List<String> done,
      List<Step> steps,
      int from,
      String error,
      List<String> notes) {
    List<String> notDone =
        steps.subList(from, steps.size()).stream().map(Step::description).toList();
    progress.report("failed " + app.app() + ": " + error);
    return new AppResult(app.app(), AppResult.Outcome.FAILED, done, notDone, error, notes);
  }

  /** Disables, the batch, then enables and updates: SPEC section 3's order. */
  static List<Step> steps(AppPlan app) {
    List<Step> steps = new ArrayList<>();
    for (MonitorChange m : app.monitorDisables()) {
      steps.add(
          new Step(
              "disable the " + m.type() + " autoscaler",
              (p, s, notes) -> p.disableMonitor(s.live, m.monitorId())));
    }
    List<ProcessChange> batch = app.processChanges();
    if (!batch.isEmpty()) {
      List<FormationUpdate> updates =
          batch.stream()
              .map(c -> new FormationUpdate(c.type(), c.quantityToSend(), c.sizeToSend()))
              .toList();
      steps.add(
          new Step(
              "update the formation (" + StepText.batch(batch) + ")",
              (p, s, notes) -> s.live = p.updateFormation(s.live, updates)));
    }
    for (MonitorChange m : app.monitorEnablesAndUpdates()) {
      String verb = m.kind() == MonitorChange.Kind.UPDATE ? "update" : "enable";
      steps.add(
          new Step(
              verb + " the " + m.type() + " autoscaler (" + StepText.rule(m.to()) + ")",
              (p, s, notes) -> MonitorWrites.enableOrUpdate(p, s, m, notes)));
    }
    return steps;
  }

  /** One named step of an app's apply. */
  record Step(String description, StepAction action) {}

  /** What a step does against the platform. */
  @FunctionalInterface
  interface StepAction {
    void run(Platform platform, AppliedState state, List<String> notes) throws PlatformException;
  }

  /** The app as the steps leave it (the batch answers the new formation). */
  static final class AppliedState {
    dev.formation.live.LiveApp live;

    AppliedState(dev.formation.live.LiveApp live) {
      this.live = live;
    }
  }
}
