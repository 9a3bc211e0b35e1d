package dev.formation.plan;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;

/** The errors that keep an app out of a plan, each with its code, message and hint. */
final class PlanErrors {
  private PlanErrors() {}

  /** The app's live state could not be read: nothing is known of it. */
  static Diagnostic unread(String app, String why) {
    return Diagnostic.error(Code.FM120, "cannot read app " + app + ": " + why, null, null);
  }

  /** A listed type the app's release (or Procfile) does not define. */
  static Diagnostic typeNotReleased(String type) {
    return Diagnostic.error(
        Code.FM093,
        "process type `" + type + "` is not in the app's current release / Procfile",
        null,
        "deploy code that defines it first");
  }

  /** An unmanaged type still running on a size of another tier group than the listed ones. */
  static Diagnostic unmanagedTier(String type, String size, String listedSize) {
    return Diagnostic.error(
        Code.FM094,
        "unmanaged process type `"
            + type
            + "` runs on "
            + size
            + ", which cannot share an app with "
            + listedSize,
        null,
        "list it in the config or set `prune: true`");
  }
}
