package dev.formation.apply;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.platform.PlatformException;

/** How a platform error is told to the user: the platform's message and its request id. */
final class Failures {
  private Failures() {}

  static String describe(PlatformException e) {
    String message = e.getMessage() == null ? "platform error" : e.getMessage();
    if (e.requestId() != null && !message.contains(e.requestId())) {
      message += " (request id " + e.requestId() + ")";
    }
    return message;
  }

  /**
   * The error of an app whose platform named the failure itself: its code and hint, the app first.
   */
  static Diagnostic diagnostic(String app, PlatformException e) {
    Code code = e.code() == null ? Code.FM120 : e.code();
    return Diagnostic.error(code, app + ": " + describe(e), null, e.hint());
  }
}
