package dev.formation.apply;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.plan.AppPlan;
import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.ProcessChange;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-reads an applied app and checks it converged. Heroku turns autoscaling off when a web
 * formation is changed by hand; if that happened to a monitor the plan wants on, the verifier turns
 * it back on and says so.
 */
final class Verifier {
  private final Platform platform;
  private final Target target;
  private final AppPlan app;

  Verifier(Platform platform, Target target, AppPlan app) {
    this.platform = platform;
    this.target = target;
    this.app = app;
  }

  /**
   * The ways the app differs from the plan after apply; empty when it converged.
   *
   * @param answered the app as the platform's answer to the last write showed it. When the only
   *     write was the formation update and no autoscaler is involved, that answer is the platform's
   *     own account of the formation after the update, and it is enough when it shows every change
   *     made; otherwise (a monitor the update may have turned off, a local registration, or an
   *     answer that does not show a change) the app is read again.
   */
  List<String> verify(LiveApp answered, List<String> notes) throws PlatformException {
    Optional<AutoscaleRule> wanted = wantedMonitor();
    if (answered != null && answerIsEnough(wanted)) {
      List<String> problems = new ArrayList<>();
      for (ProcessChange c : app.processChanges()) {
        checkProcess(c, answered, problems);
      }
      if (problems.isEmpty()) {
        return problems;
      }
    }
    LiveApp now = platform.read(target);
    if (wanted.isPresent() && now.monitor() != null && !now.monitor().active()) {
      platform.apply(
          target,
          now,
          new Write.UpdateMonitor(now.monitor().id(), MonitorWrites.settings(wanted.get())));
      notes.add(
          "the platform turned the web autoscaler off during the update; formation turned"
              + " it back on");
      now = platform.read(target);
    }
    List<String> problems = new ArrayList<>();
    if (app.placement() != null && !app.setupChanges().isEmpty()) {
      problems.addAll(app.placement().problemsIn(now));
    }
    for (ProcessChange c : app.processChanges()) {
      checkProcess(c, now, problems);
    }
    checkMonitor(wanted, now.monitor(), problems);
    return problems;
  }

  private static void checkProcess(ProcessChange c, LiveApp now, List<String> problems) {
    Optional<LiveProcess> live = now.process(c.type());
    if (live.isEmpty()) {
      problems.add(c.type() + " is gone from the formation");
      return;
    }
    LiveProcess p = live.get();
    if (!p.size().equalsIgnoreCase(c.toSize())) {
      problems.add(c.type() + " is " + p.size() + ", not " + c.toSize());
    }
    boolean countOk =
        p.quantity() == c.toQuantity()
            || (c.autoscale() != null && c.autoscale().contains(p.quantity()));
    if (!countOk) {
      problems.add(c.type() + " runs " + p.quantity() + ", not " + c.toQuantity());
    }
  }

  private void checkMonitor(Optional<AutoscaleRule> wanted, LiveMonitor m, List<String> problems) {
    boolean disabling = !app.monitorDisables().isEmpty();
    if (disabling && m != null && m.active()) {
      problems.add("the web autoscaler is still on");
    }
    if (wanted.isEmpty()) {
      return;
    }
    if (m == null || !m.active()) {
      problems.add("the web autoscaler is not on");
    } else if (!AutoscaleRule.of(m).equals(wanted.get())) {
      problems.add(
          "the web autoscaler is "
              + StepText.rule(AutoscaleRule.of(m))
              + ", not "
              + StepText.rule(wanted.get()));
    }
  }

  /**
   * Whether the formation update's answer can stand for a re-read: it was the app's only write, and
   * no autoscaler is on before or after (Heroku turns one off when web is scaled by hand, and the
   * answer does not show monitors).
   */
  private boolean answerIsEnough(Optional<AutoscaleRule> wanted) {
    LiveMonitor before = app.live() == null ? null : app.live().monitor();
    return wanted.isEmpty()
        && (before == null || !before.active())
        && app.monitorDisables().isEmpty()
        && app.monitorEnablesAndUpdates().isEmpty()
        && app.setupChanges().isEmpty()
        && !app.processChanges().isEmpty();
  }

  /** The monitor settings that should be active after apply, if any. */
  private Optional<AutoscaleRule> wantedMonitor() {
    for (MonitorChange m : app.monitorEnablesAndUpdates()) {
      return Optional.of(m.to());
    }
    LiveMonitor before = app.live() == null ? null : app.live().monitor();
    if (app.monitorDisables().isEmpty() && before != null && before.active()) {
      return Optional.of(AutoscaleRule.of(before));
    }
    return Optional.empty();
  }
}
