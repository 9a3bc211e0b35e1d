package dev.formation.apply;

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
}
