package dev.formation.ops;

/**
 * How a command talks to platforms.
 *
 * @param parallelism apps read and applied at once, 1 to 64
 * @param apiUrl the Heroku API URL from {@code --api-url}, or {@code null} for {@code HEROKU_HOST}
 *     or the default
 * @param debug trace every HTTP request (the token redacted) through {@link Listener#debug}
 * @param forceConflicts server-side apply takes ownership of fields another field manager owns
 *     ({@code apply --force-conflicts}, Kubernetes only)
 */
public record Settings(int parallelism, String apiUrl, boolean debug, boolean forceConflicts) {
  public static final int MAX_PARALLELISM = 64;

  /** Apps read and applied at once unless {@code --parallelism} says otherwise. */
  public static final int DEFAULT_PARALLELISM = 32;

  public static final Settings DEFAULT = new Settings(DEFAULT_PARALLELISM, null, false);

  public Settings(int parallelism, String apiUrl, boolean debug) {
    this(parallelism, apiUrl, debug, false);
  }

  /** The same settings, taking ownership of conflicting fields or not. */
  public Settings withForceConflicts(boolean force) {
    return new Settings(parallelism, apiUrl, debug, force);
  }

  public Settings {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "parallelism must be between 1 and " + MAX_PARALLELISM + ": " + parallelism);
    }
  }
}
