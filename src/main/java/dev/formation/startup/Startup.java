package dev.formation.startup;

import dev.formation.config.ConfigLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The head starts a command gets on background threads, chosen from its command line before picocli
 * has read it. Each only moves first-time work off the command's own path; the command does not
 * wait for any of them or depend on what they find, and a failed head start is dropped.
 */
public final class Startup {
  /** The commands whose first work is loading formation files. */
  private static final Set<String> LOADS_CONFIG =
      Set.of("validate", "plan", "apply", "drift", "diff", "schedule", "log");

  /** The commands that read apps from their platforms once the config is loaded. */
  private static final Set<String> READS_PLATFORMS = Set.of("plan", "apply", "drift", "import");

  /** A head start: the name of its thread and its work. */
  record HeadStart(String name, Runnable work) {
    HeadStart {
      if (name == null || name.isBlank() || work == null) {
        throw new IllegalArgumentException("a head start needs a thread name and its work");
      }
    }
  }

  private Startup() {}

  /** Starts the head starts that {@code args} call for and returns at once. */
  public static void headStart(String[] args) {
    for (HeadStart h : chosen(args)) {
      Thread t = new Thread(h.work(), h.name());
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * For a command that loads formation files, the schema is read at once, and a large config
   * (judged from the files the arguments name) has a built-in one loaded before it; a command that
   * reads platforms has one app read through the Heroku adapter before its own reads.
   */
  static List<HeadStart> chosen(String[] args) {
    String command = args.length == 0 ? "" : args[0];
    List<HeadStart> chosen = new ArrayList<>();
    if (LOADS_CONFIG.contains(command)) {
      chosen.add(new HeadStart("formation-schema-load", Startup::loadSchema));
      if (ConfigWarmUp.bytesNamedIn(args) >= ConfigWarmUp.MIN_BYTES) {
        chosen.add(new HeadStart("formation-config-warm-up", ConfigWarmUp::run));
      }
    }
    // an offline plan reads no platform: it opens no socket at all, not even a loopback one
    if (READS_PLATFORMS.contains(command) && !Arrays.asList(args).contains("--offline")) {
      chosen.add(new HeadStart("formation-read-warm-up", ReadWarmUp::run));
    }
    return chosen;
  }

  private static void loadSchema() {
    try {
      ConfigLoader.loadSchema();
    } catch (RuntimeException | LinkageError e) {
      // the load meets the same failure and reports it
    }
  }
}
