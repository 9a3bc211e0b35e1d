package dev.formation.cli;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.diag.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@code --app NAME} filter (repeatable) of plan, apply and drift, as a mixin. */
public final class AppSelection {
  @Option(
      names = "--app",
      paramLabel = "APP",
      description = "Only this app (repeatable; default: every app in the config).")
  private List<String> apps = new ArrayList<>();

  /** Thrown for a name that is not in the config; the message says which names are. */
  public static final class UnknownApp extends Exception {
    UnknownApp(String message) {
      super(message);
    }
  }

  public boolean isEmpty() {
    return apps.isEmpty();
  }

  /** The selected apps in config order; every name given must be in the config. */
  public List<AppSpec> select(Formation formation) throws UnknownApp {
    if (apps.isEmpty()) {
      return formation.apps();
    }
    Set<String> wanted = new LinkedHashSet<>(apps);
    for (String name : wanted) {
      if (formation.app(name).isEmpty()) {
        throw new UnknownApp(unknown(name, formation));
      }
    }
    return formation.apps().stream().filter(a -> wanted.contains(a.name())).toList();
  }

  private static String unknown(String name, Formation formation) {
    String message = "--app " + name + ": no such app in the config";
    String hint =
        DidYouMean.didYouMean(name, formation.apps().stream().map(AppSpec::name).toList());
    return hint == null ? message : message + "; " + hint;
  }
}
