package dev.formation.plan;

import dev.formation.config.PlatformKind;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveApp;
import dev.formation.live.Placement;
import java.util.List;

/**
 * What apply would do to one app, in apply order: monitor disables, then process changes by type
 * name (one batch), then monitor enables and updates.
 *
 * @param live the state the plan was made against, or {@code null} when reading it failed
 * @param errors why this app cannot be applied, each a coded error ({@link Code#FM120} when it
 *     could not be read); an app with errors has no changes
 * @param notes remarks that change nothing (eco pool pricing, unknown live sizes)
 * @param fingerprint {@link Fingerprint#of(LiveApp)} of {@code live}, or {@code null} without it
 * @param before the monthly cost now; {@code after} the monthly cost once applied
 * @param placement where the config wants the app on its platform, as the platform's provider made
 *     it (a local app's registration, a cluster app's Deployments and size map): handed to the
 *     adapter by apply; {@code null} for a platform that needs none
 * @param requestsBefore for an app that owns its prices but has none, the CPU and memory it
 *     requests now (its cost in place of dollars); {@code null} otherwise, and {@code
 *     requestsAfter} likewise
 * @param schedule what of the app's schedules the plan was made for, and its weighted estimate;
 *     {@code null} for an app without schedules
 * @param breaches the guardrails the plan breaks for this app, allowed or not
 */
public record AppPlan(
    String app,
    PlatformKind platform,
    LiveApp live,
    List<Change> changes,
    List<UnmanagedProcess> unmanaged,
    List<Diagnostic> errors,
    List<String> notes,
    String fingerprint,
    CostRange before,
    CostRange after,
    Placement placement,
    Requests requestsBefore,
    Requests requestsAfter,
    AppSchedule schedule,
    List<GuardrailBreach> breaches) {

  public AppPlan {
    if (app == null || platform == null || before == null || after == null) {
      throw new IllegalArgumentException("an app plan needs a name, a platform and costs");
    }
    changes = List.copyOf(changes);
    unmanaged = List.copyOf(unmanaged);
    errors = List.copyOf(errors);
    notes = List.copyOf(notes);
    breaches = breaches == null ? List.of() : List.copyOf(breaches);
    if (errors.stream().anyMatch(e -> !e.isError())) {
      throw new IllegalArgumentException("an app plan's errors are errors: " + app);
    }
    if (!errors.isEmpty() && !changes.isEmpty()) {
      throw new IllegalArgumentException("an app with errors has no changes: " + app);
    }
    if ((requestsBefore == null) != (requestsAfter == null)) {
      throw new IllegalArgumentException("requests come before and after: " + app);
    }
  }

  /** The plan of an app without schedules or guardrail breaches. */
  public AppPlan(
      String app,
      PlatformKind platform,
      LiveApp live,
      List<Change> changes,
      List<UnmanagedProcess> unmanaged,
      List<Diagnostic> errors,
      List<String> notes,
      String fingerprint,
      CostRange before,
      CostRange after,
      Placement placement) {
    this(
        app,
        platform,
        live,
        changes,
        unmanaged,
        errors,
        notes,
        fingerprint,
        before,
        after,
        placement,
        null,
        null,
        null,
        List.of());
  }

  /** The plan of an app costed in requests (or any), without schedules or guardrail breaches. */
  public AppPlan(
      String app,
      PlatformKind platform,
      LiveApp live,
      List<Change> changes,
      List<UnmanagedProcess> unmanaged,
      List<Diagnostic> errors,
      List<String> notes,
      String fingerprint,
      CostRange before,
      CostRange after,
      Placement placement,
      Requests requestsBefore,
      Requests requestsAfter) {
    this(
        app,
        platform,
        live,
        changes,
        unmanaged,
        errors,
        notes,
        fingerprint,
        before,
        after,
        placement,
        requestsBefore,
        requestsAfter,
        null,
        List.of());
  }

  /** This plan with its schedule side. */
  public AppPlan withSchedule(AppSchedule s) {
    return new AppPlan(
        app,
        platform,
        live,
        changes,
        unmanaged,
        errors,
        notes,
        fingerprint,
        before,
        after,
        placement,
        requestsBefore,
        requestsAfter,
        s,
        breaches);
  }

  /** This plan with these guardrail breaches. */
  public AppPlan withBreaches(List<GuardrailBreach> found) {
    return withBreaches(found, List.of());
  }

  /** This plan with these guardrail breaches, and {@code more} notes after its own. */
  public AppPlan withBreaches(List<GuardrailBreach> found, List<String> more) {
    List<String> allNotes = new java.util.ArrayList<>(notes);
    allNotes.addAll(more);
    return new AppPlan(
        app,
        platform,
        live,
        changes,
        unmanaged,
        errors,
        allNotes,
        fingerprint,
        before,
        after,
        placement,
        requestsBefore,
        requestsAfter,
        schedule,
        found);
  }

  /** This plan made against {@code fresh}, a re-read with the same fingerprint. */
  public AppPlan withLive(LiveApp fresh) {
    return new AppPlan(
        app,
        platform,
        fresh,
        changes,
        unmanaged,
        errors,
        notes,
        fingerprint,
        before,
        after,
        placement,
        requestsBefore,
        requestsAfter,
        schedule,
        breaches);
  }

  /**
   * This plan narrowed by {@code --target} to {@code kept}, a part of its changes, with {@code
   * after} what the app costs once only they are made.
   */
  AppPlan withChanges(List<Change> kept, CostRange afterKept) {
    return new AppPlan(
        app,
        platform,
        live,
        kept,
        unmanaged,
        errors,
        notes,
        fingerprint,
        before,
        afterKept,
        placement,
        requestsBefore,
        requestsAfter,
        schedule,
        breaches);
  }

  /** Whether the app's cost is counted in requested CPU and memory rather than dollars. */
  public boolean costedInRequests() {
    return requestsBefore != null;
  }

  /** Whether a guardrail breach that is not allowed keeps this app's plan from being applied. */
  public boolean breaksGuardrails() {
    return breaches.stream().anyMatch(b -> !b.allowed());
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Whether the app's live state could not be read, so nothing is known of it. */
  public boolean unread() {
    return errors.stream().anyMatch(e -> e.code() == Code.FM120);
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public CostRange costDelta() {
    return after.minus(before);
  }

  /** The changes to the app's setup on its platform, carried out together before anything else. */
  public List<SetupChange> setupChanges() {
    return changes.stream()
        .filter(SetupChange.class::isInstance)
        .map(SetupChange.class::cast)
        .toList();
  }

  /** The changes that make up the app's one batch formation update, by type name. */
  public List<ProcessChange> processChanges() {
    return changes.stream()
        .filter(ProcessChange.class::isInstance)
        .map(ProcessChange.class::cast)
        .toList();
  }

  /** Monitors apply turns off before the batch update. */
  public List<MonitorChange> monitorDisables() {
    return monitorChanges(true);
  }

  /** Monitors apply creates, turns on or updates after the batch update. */
  public List<MonitorChange> monitorEnablesAndUpdates() {
    return monitorChanges(false);
  }

  private List<MonitorChange> monitorChanges(boolean disables) {
    return changes.stream()
        .filter(MonitorChange.class::isInstance)
        .map(MonitorChange.class::cast)
        .filter(m -> (m.kind() == MonitorChange.Kind.DISABLE) == disables)
        .toList();
  }
}
