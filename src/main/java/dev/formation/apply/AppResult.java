package dev.formation.apply;

import dev.formation.diag.Diagnostic;
import java.util.List;

/**
 * What apply did to one app: the steps done, the steps not done, and why it stopped.
 *
 * @param errors why the app failed, was not applied or was stopped, as coded diagnostics; empty
 *     exactly when it was applied or had nothing to do
 * @param notes things the user should know that are not failures (an autoscaler turned back on)
 */
public record AppResult(
    String app,
    Outcome outcome,
    List<String> done,
    List<String> notDone,
    List<Diagnostic> errors,
    List<String> notes) {

  /** How one app's apply ended. */
  public enum Outcome {
    /** Every step ran and the re-read state matches the plan. */
    APPLIED,
    /** The plan had nothing to do for the app. */
    UNCHANGED,
    /** A step failed or the app did not converge; {@code done} says what did happen. */
    FAILED,
    /** The plan had errors for the app, so nothing was tried. */
    NOT_APPLIED,
    /** Interrupted before the app's first write: nothing was changed. */
    NOT_STARTED,
    /** Interrupted between two writes: {@code done} says which were made, then it stopped. */
    INTERRUPTED,
    /**
     * A write's answer was lost and the app could not be re-read: whether it happened is unknown
     * until the next {@code plan} shows it.
     */
    UNKNOWN
  }

  public AppResult {
    done = List.copyOf(done);
    notDone = List.copyOf(notDone);
    notes = List.copyOf(notes);
    errors = List.copyOf(errors);
    if (app == null || outcome == null) {
      throw new IllegalArgumentException("an app result needs an app and an outcome");
    }
    if (errors.isEmpty() == failed(outcome)) {
      throw new IllegalArgumentException(
          app + ": an app that did not end as planned says why, and only then");
    }
  }

  /** Whether the app did not end as the plan said: the apply as a whole then exits 1. */
  public boolean failed() {
    return failed(outcome);
  }

  private static boolean failed(Outcome outcome) {
    return outcome != Outcome.APPLIED && outcome != Outcome.UNCHANGED;
  }
}
