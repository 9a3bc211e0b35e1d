package dev.formation.platform.local.state;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment the daemon is started with, and that its dynos inherit: the caller's, without its
 * credentials. A variable is dropped when its name, upper-cased,
 *
 * <ul>
 *   <li>contains {@code TOKEN}, {@code KEY}, {@code SECRET}, {@code PASSWORD}, {@code PASSWD},
 *       {@code CREDENTIAL} or {@code AUTH} (so {@code SSH_AUTH_SOCK} and {@code XAUTHORITY} too),
 *   <li>starts with {@code HEROKU_}, {@code AWS_}, {@code GITHUB_}, {@code GH_}, {@code GITLAB_},
 *       {@code GOOGLE_}, {@code AZURE_}, {@code DOCKER_} or {@code NPM_CONFIG_}, or is {@code
 *       KUBECONFIG},
 *   <li>or starts with {@code FORMATION_} and is neither {@code FORMATION_HOME} nor a {@code
 *       FORMATION_LOCAL_*} setting.
 * </ul>
 *
 * Everything else ({@code PATH}, {@code HOME}, {@code LANG}, {@code LC_*}, {@code TZ}, {@code
 * TMPDIR}, a language's own {@code JAVA_HOME} or {@code GEM_HOME}) is kept, so an app runs as it
 * runs in the caller's shell; what a dyno needs beyond that goes in its app's {@code .env}.
 */
public final class DaemonEnvironment {
  private static final Pattern SECRET =
      Pattern.compile(
          ".*(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH).*"
              + "|(HEROKU|AWS|GITHUB|GH|GITLAB|GOOGLE|AZURE|DOCKER|NPM_CONFIG)_.*"
              + "|KUBECONFIG");

  private DaemonEnvironment() {}

  /** Whether the variable {@code name} is kept. */
  public static boolean kept(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.equals("FORMATION_HOME") || n.startsWith("FORMATION_LOCAL_")) {
      return !SECRET.matcher(n).matches();
    }
    return !n.startsWith("FORMATION_") && !SECRET.matcher(n).matches();
  }

  /** {@code env} without the variables {@link #kept} drops. */
  public static Map<String, String> scrub(Map<String, String> env) {
    Map<String, String> kept = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (kept(k)) {
            kept.put(k, v);
          }
        });
    return kept;
  }
}
