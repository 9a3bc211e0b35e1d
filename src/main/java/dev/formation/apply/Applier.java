package dev.formation.apply;

import dev.formation.live.LiveApp;
import dev.formation.plan.AppPlan;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.Plan;
import dev.formation.plan.ProcessChange;
import dev.formation.platform.FormationUpdate;
import dev.formation.platform.MonitorSettings;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a plan, app by app in parallel (bounded): register a local app, disable monitors, one
 * batch formation update, create or update monitors, then re-read and verify. One app failing does
 * not stop the others, and every app's result says what was done and what was not.
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
    Target target = Targets.of(app);
    Platform platform;
    try {
      platform = platforms.forKind(app.platform());
    } catch (PlatformException e) {
      return failed(app, done, steps, 0, Failures.describe(e), notes);
    }
    LiveApp state = app.live();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      try {
        state = MonitorWrites.run(platform, target, state, step.write(), notes);
        done.add(step.description());
      } catch (PlatformException e) {
        return failed(app, done, steps, i, step.description() + ": " + Failures.describe(e), notes);
      }
    }
    try {
      List<String> problems = new Verifier(platform, target, app).verify(notes);
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

  /**
   * A local app's registration first (the formation update needs its process types), then SPEC
   * section 3's order: disables, the batch, then enables and updates.
   */
  static List<Step> steps(AppPlan app) {
    List<Step> steps = new ArrayList<>();
    if (!app.localChanges().isEmpty()) {
      steps.add(
          new Step(
              "register with the local platform (" + StepText.local(app.localChanges()) + ")",
              new Write.Register(app.local())));
    }
    for (MonitorChange m : app.monitorDisables()) {
      steps.add(
          new Step(
              "disable the " + m.type() + " autoscaler", new Write.DisableMonitor(m.monitorId())));
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
              new Write.UpdateFormation(updates)));
    }
    for (MonitorChange m : app.monitorEnablesAndUpdates()) {
      String verb = m.kind() == MonitorChange.Kind.UPDATE ? "update" : "enable";
      MonitorSettings settings = MonitorWrites.settings(m.to());
      steps.add(
          new Step(
              verb + " the " + m.type() + " autoscaler (" + StepText.rule(m.to()) + ")",
              m.createsMonitor()
                  ? new Write.CreateMonitor(settings)
                  : new Write.UpdateMonitor(m.monitorId(), settings)));
    }
    return steps;
  }

  /** One named step of an app's apply: a write, and how the report names it. */
  record Step(String description, Write write) {}
}
