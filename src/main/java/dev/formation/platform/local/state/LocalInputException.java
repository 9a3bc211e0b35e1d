package dev.formation.platform.local.state;

/**
 * A value the user gave that the local platform cannot use: an environment setting that is not a
 * number, a name that is not an app name. Its own type, so that the commands turn exactly this into
 * a diagnostic, and a broken invariant ({@link IllegalArgumentException}) stays a bug.
 */
public final class LocalInputException extends RuntimeException {
  public LocalInputException(String message) {
    super(message);
  }
}
