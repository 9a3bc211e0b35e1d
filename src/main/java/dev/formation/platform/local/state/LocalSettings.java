package dev.formation.platform.local.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the daemon reads from its environment, injectable so tests run it in a temp folder
 * with short timings.
 *
 * @param home the formation home ({@code $FORMATION_HOME}, default {@code ~/.formation})
 * @param env the environment passed on to every dyno
 * @param grace how long a stopped dyno gets between SIGTERM and SIGKILL
 * @param autoscaleInterval how often the autoscaler looks at each app's latency
 * @param memoryInterval how often dyno memory is sampled
 * @param memoryQuotaMb overrides every size's memory quota when positive (for tests)
 */
public record LocalSettings(
    Path home,
    Map<String, String> env,
    Duration grace,
    Duration autoscaleInterval,
    Duration memoryInterval,
    long memoryQuotaMb) {

  public LocalSettings {
    env = Map.copyOf(env);
  }

  /** Settings from an environment such as {@code System.getenv()}. */
  public static LocalSettings fromEnv(Map<String, String> env) {
    return fromEnv(env, Path.of(System.getProperty("user.home")));
  }

  /** Settings from an environment, with {@code userHome} holding {@code .formation}. */
  public static LocalSettings fromEnv(Map<String, String> env, Path userHome) {
    String home = env.get("FORMATION_HOME");
    Path homeDir = home == null || home.isBlank() ? userHome.resolve(".formation") : Path.of(home);
    return new LocalSettings(
        homeDir.toAbsolutePath(),
        env,
        seconds(env, "FORMATION_LOCAL_GRACE", 30),
        seconds(env, "FORMATION_LOCAL_AUTOSCALE_INTERVAL", 60),
        seconds(env, "FORMATION_LOCAL_MEMORY_INTERVAL", 5),
        (long) number(env, "FORMATION_LOCAL_MEMORY_QUOTA_MB", 0));
  }

  public LocalSettings withTimings(Duration grace, Duration autoscale, Duration memory) {
    return new LocalSettings(home, env, grace, autoscale, memory, memoryQuotaMb);
  }

  public LocalSettings withMemoryQuotaMb(long mb) {
    return new LocalSettings(home, env, grace, autoscaleInterval, memoryInterval, mb);
  }

  /** The folder holding all of the local platform's state. */
  public Path stateDir() {
    return home.resolve("local");
  }

  public Path tokenFile() {
    return stateDir().resolve("token");
  }

  public Path daemonFile() {
    return stateDir().resolve("daemon.json");
  }

  public Path appsDir() {
    return stateDir().resolve("apps");
  }

  public Path logsDir() {
    return stateDir().resolve("logs");
  }

  /** An app's log file (rotated to {@code APP.log.1}). */
  public Path logFile(String app) {
    return logsDir().resolve(app + ".log");
  }

  /** The daemon's own output when started in the background. */
  public Path daemonLog() {
    return stateDir().resolve("daemon.log");
  }

  private static Duration seconds(Map<String, String> env, String key, double fallback) {
    return Duration.ofMillis((long) (number(env, key, fallback) * 1000));
  }

  private static double number(Map<String, String> env, String key, double fallback) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      return d > 0 ? d : fallback;
    } catch (NumberFormatException e) {
      throw new LocalInputException(key + " must be a number of seconds, not " + v);
    }
  }
}
