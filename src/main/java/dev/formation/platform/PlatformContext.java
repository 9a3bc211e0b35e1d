package dev.formation.platform;

import dev.formation.diag.Diagnostic;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a provider may use to open its adapter: the process's environment and home folder (for
 * tokens and config files), the user's options, what the operation means to do, and where to report
 * progress, warnings and traces.
 *
 * @param version formation's version, for a {@code User-Agent}
 * @param apiUrl the API URL from {@code --api-url}, or {@code null}: for the default platform's API
 * @param forceConflicts take ownership of fields another writer owns ({@code --force-conflicts})
 * @param debug where to trace every request (never a token), or {@code null} when not tracing
 * @param progress where to say what takes a while (a platform starting, a rate-limit wait)
 * @param intent what the operation does with the platform: only an {@link Intent#APPLY apply} may
 *     start or change anything on the machine
 * @param warnings where to say what the user should know about the platform as a whole (the local
 *     platform is not running): each a coded warning the command shows with its own
 */
public record PlatformContext(
    Map<String, String> env,
    Path home,
    String version,
    String apiUrl,
    boolean forceConflicts,
    Consumer<String> debug,
    Consumer<String> progress,
    Intent intent,
    Consumer<Diagnostic> warnings) {
  public PlatformContext {
    env = Map.copyOf(env);
    if (progress == null || intent == null || warnings == null) {
      throw new IllegalArgumentException(
          "a platform context has an intent and reports progress and warnings somewhere");
    }
  }

  /** A context of an operation that only reads, whose warnings are dropped. */
  public PlatformContext(
      Map<String, String> env,
      Path home,
      String version,
      String apiUrl,
      boolean forceConflicts,
      Consumer<String> debug,
      Consumer<String> progress) {
    this(env, home, version, apiUrl, forceConflicts, debug, progress, Intent.INSPECT, w -> {});
  }

  /** What an operation does with a platform it opens. */
  public enum Intent {
    /** Reads what is there ({@code drift}, {@code import}): starts and checks nothing. */
    INSPECT,
    /**
     * Reads, and checks that what a plan shows can be carried out here (a router port another
     * program holds); starts nothing ({@code plan}).
     */
    PLAN,
    /** Plans, checks, then writes: the one intent that may start a platform ({@code apply}). */
    APPLY;

    /** Whether a plan is made: setups are checked against the machine. */
    public boolean plans() {
      return this != INSPECT;
    }
  }
}
