package dev.formation.apply;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveApp;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Fingerprint;
import dev.formation.plan.LiveMoves;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.Plan;
import dev.formation.plan.ProcessChange;
import dev.formation.plan.SetupChange;
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
  /** Whether each app is read again just before its first write. */
  public enum Reread {
    /**
     * Read again, and write nothing to an app that moved since its plan: the plan was saved, or
     * shown for approval, so time has passed since it read the app.
     */
    BEFORE_WRITING,
    /**
     * Write on the plan's own read: the plan was made by this process a moment ago and is applied
     * without a pause, so a second read would show the same moment again.
     */
    NO
  }

  private final Platforms platforms;
  private final int parallelism;
  private final Progress progress;
  private final Reread reread;

  public Applier(Platforms platforms, int parallelism, Progress progress) {
    this(platforms, parallelism, progress, Reread.BEFORE_WRITING);
  }

  public Applier(Platforms platforms, int parallelism, Progress progress, Reread reread) {
    this.platforms = platforms;
    this.parallelism = parallelism;
    this.progress = progress;
    this.reread = reread;
  }

  public ApplyReport apply(Plan plan) {
    return apply(plan, Interrupt.never());
  }

  /**
   * Applies every app with changes; once {@code interrupt} is set, no app and no write starts, and
   * the report says per app where it stood.
   */
  public ApplyReport apply(Plan plan, Interrupt interrupt) {
    Map<String, AppResult> results = new ConcurrentHashMap<>();
    List<AppPlan> work = plan.apps().stream().filter(AppPlan::hasChanges).toList();
    Parallel.forEach(
        work, parallelism, app -> results.put(app.app(), new AppRun(app, interrupt).run()));
    List<AppResult> ordered = new ArrayList<>();
    for (AppPlan app : plan.apps()) {
      ordered.add(
          app.hasErrors() || !app.hasChanges() ? withoutWrites(app) : results.get(app.app()));
    }
    return new ApplyReport(ordered, interrupt.requested());
  }

  /**
   * The report of a plan with nothing to apply: each app unchanged, or not applied for its errors.
   */
  public static ApplyReport withoutWrites(Plan plan) {
    if (plan.hasChanges()) {
      throw new IllegalArgumentException("a plan with changes is applied, not reported as is");
    }
    return new ApplyReport(plan.apps().stream().map(Applier::withoutWrites).toList());
  }

  private static AppResult withoutWrites(AppPlan app) {
    return new AppResult(
        app.app(),
        app.hasErrors() ? AppResult.Outcome.NOT_APPLIED : AppResult.Outcome.UNCHANGED,
        List.of(),
        List.of(),
        app.hasErrors() ? app.errors() : List.of(),
        List.of());
  }

  /** One app's apply: re-read, the writes in order, then verify. Used once, then dropped. */
  private final class AppRun {
    private final AppPlan app;
    private final Interrupt interrupt;
    private final Target target;
    private final List<Step> steps;
    private final List<String> done = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    AppRun(AppPlan app, Interrupt interrupt) {
      this.app = app;
      this.interrupt = interrupt;
      this.target = Targets.of(app);
      this.steps = steps(app);
    }

    AppResult run() {
      if (interrupt.requested()) {
        return result(AppResult.Outcome.NOT_STARTED, 0, interruptedBeforeStart());
      }
      progress.report("applying " + app.app() + " …");
      Platform platform;
      LiveApp state;
      boolean reread = Applier.this.reread == Reread.BEFORE_WRITING || app.live() == null;
      try {
        platform = platforms.forKind(app.platform());
        state = reread ? platform.read(target) : app.live();
      } catch (PlatformException e) {
        if (e.code() != null) {
          // the platform said why itself (a router port another program took since the plan)
          return failed(0, e.code(), Failures.describe(e), e.hint());
        }
        return failed(
            0, Code.FM120, "could not re-read it before writing: " + Failures.describe(e), null);
      }
      if (reread && app.fingerprint() != null && !Fingerprint.of(state).equals(app.fingerprint())) {
        List<String> moved = app.live() == null ? List.of() : LiveMoves.between(app.live(), state);
        return failed(
            0,
            Code.FM130,
            "it changed since the plan was made ("
                + (moved.isEmpty() ? "its live state moved" : String.join("; ", moved))
                + "), so nothing was written",
            "make a new plan");
      }
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        if (interrupt.requested()) {
          return i == 0
              ? result(AppResult.Outcome.NOT_STARTED, 0, interruptedBeforeStart())
              : interrupted(platform, i);
        }
        try {
          state = MonitorWrites.run(platform, target, state, step.write(), notes);
          done.add(step.description());
        } catch (PlatformException e) {
          Recovery recovery = recover(platform, i, e);
          if (recovery.result() != null) {
            return recovery.result();
          }
          state = recovery.now();
        }
      }
      return verify(platform, state);
    }

    /**
     * After a failed write: a refusal (4xx) did not happen; a lost answer (no response, a 5xx) or
     * an answer that could not be read (a 2xx whose body is cut or garbled) may have, so the app is
     * re-read and the write counted as done when the platform shows it.
     */
    private Recovery recover(Platform platform, int i, PlatformException e) {
      Step step = steps.get(i);
      String why = step.description() + ": " + Failures.describe(e);
      if (e.code() != null) {
        // refused by the adapter before it sent anything, with the platform's own reason
        return new Recovery(failed(i, e.code(), why, e.hint()), null);
      }
      if (e.status() >= 400 && e.status() < 500) {
        return new Recovery(failed(i, Code.FM121, why, null), null);
      }
      boolean unread = e.status() >= 200 && e.status() < 300;
      LiveApp now;
      try {
        now = platform.read(target);
      } catch (PlatformException again) {
        return new Recovery(
            result(
                AppResult.Outcome.UNKNOWN,
                i,
                Diagnostic.error(
                    Code.FM123,
                    why
                        + (unread ? "; the answer could not be read" : "; the answer was lost")
                        + " and the app could not be re-read ("
                        + Failures.describe(again)
                        + "), so whether it happened is unknown",
                    null,
                    "`formation plan` shows it")),
            null);
      }
      if (!WriteEffects.visible(step.write(), target, now)) {
        return new Recovery(
            failed(i, Code.FM121, why + " (a re-read shows it was not done)", null), null);
      }
      done.add(
          step.description()
              + (unread ? " (its answer could not be read" : " (its answer was lost")
              + "; a re-read shows it done)");
      return new Recovery(null, now);
    }

    /** {@code state}: the app as the last write's answer (or a re-read after it) showed it. */
    private AppResult verify(Platform platform, LiveApp state) {
      try {
        List<String> problems = new Verifier(platform, target, app).verify(state, notes);
        if (!problems.isEmpty()) {
          return result(
              AppResult.Outcome.FAILED,
              steps.size(),
              Diagnostic.error(
                  Code.FM122, "did not converge: " + String.join("; ", problems), null, null));
        }
      } catch (PlatformException e) {
        return new AppResult(
            app.app(),
            AppResult.Outcome.FAILED,
            done,
            List.of("verify"),
            List.of(
                Diagnostic.error(
                    Code.FM120,
                    "could not re-read the app to verify it: " + Failures.describe(e),
                    null,
                    null)),
            notes);
      }
      progress.report("applied " + app.app());
      return result(AppResult.Outcome.APPLIED, steps.size(), null);
    }

    /** Stopped before step {@code i}: says what the platform now holds. */
    private AppResult interrupted(Platform platform, int i) {
      try {
        notes.add("the platform now holds " + Holdings.of(platform.read(target)));
      } catch (PlatformException e) {
        notes.add("could not re-read it after the interrupt: " + Failures.describe(e));
      }
      return result(
          AppResult.Outcome.INTERRUPTED,
          i,
          Diagnostic.error(
              Code.FM161,
              "interrupted after " + i + " of " + steps.size() + " writes",
              null,
              "`formation plan` shows what is left"));
    }

    private static Diagnostic interruptedBeforeStart() {
      return Diagnostic.error(Code.FM161, "interrupted before it started", null, null);
    }

    private AppResult failed(int from, Code code, String error, String hint) {
      progress.report("failed " + app.app() + ": " + error);
      return result(AppResult.Outcome.FAILED, from, Diagnostic.error(code, error, null, hint));
    }

    /** {@code error} is null exactly when the app was applied. */
    private AppResult result(AppResult.Outcome outcome, int from, Diagnostic error) {
      List<String> notDone =
          steps.subList(from, steps.size()).stream().map(Step::description).toList();
      return new AppResult(
          app.app(), outcome, done, notDone, error == null ? List.of() : List.of(error), notes);
    }
  }

  /**
   * The app's setup on its platform first (a local app's registration: the formation update needs
   * its process types), then the plan's order: disables, the batch, then enables and updates.
   */
  static List<Step> steps(AppPlan app) {
    List<Step> steps = new ArrayList<>();
    List<SetupChange> setup = app.setupChanges();
    if (!setup.isEmpty()) {
      steps.add(
          new Step(
              app.platform().setupText(setup.stream().map(SetupChange::step).toList()),
              new Write.Setup(app.placement())));
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

  /**
   * What a failed write came to: the app's result when it stops there, or the app as re-read when
   * the write was done after all.
   */
  private record Recovery(AppResult result, LiveApp now) {}

  /** One named step of an app's apply: a write, and how the report names it. */
  record Step(String description, Write write) {}
}
