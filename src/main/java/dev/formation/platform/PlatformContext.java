package dev.formation.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a provider may use to open its adapter: the process's environment and home folder (for
 * tokens and config files), the user's options, and where to report progress and traces.
 *
 * @param version formation's version, for a {@code User-Agent}
 * @param apiUrl the API URL from {@code --api-url}, or {@code null}: for the default platform's API
 * @param forceConflicts take ownership of fields another writer owns ({@code --force-conflicts})
 * @param debug where to trace every request (never a token), or {@code null} when not tracing
 * @param progress where to say what takes a while (a platform starting, a rate-limit wait)
 */
public record PlatformContext(
    Map<String, String> env,
    Path home,
    String version,
    String apiUrl,
    boolean forceConflicts,
    Consumer<String> debug,
    Consumer<String> progress) {
  public PlatformContext {
    env = Map.copyOf(env);
    if (progress == null) {
      throw new IllegalArgumentException("a platform context reports progress somewhere");
    }
  }
}
