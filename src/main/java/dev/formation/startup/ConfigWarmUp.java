package dev.formation.startup;

import dev.formation.config.ConfigLoader;
import dev.formation.config.SourceText;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A load of a built-in file of {@value #APPS} apps, result discarded: run by {@link Startup} for a
 * command about to load a large config, while its command line is still being set up, so that the
 * YAML parser, the schema check and the readers have run once before the user's own load. It reads
 * no file and changes nothing.
 *
 * <p>Only for files of {@link #MIN_BYTES} or more: for smaller ones it is more work than the load
 * itself and made a one-app plan and a 30-app {@code validate} slower (docs/performance.md, "A head
 * start for large configs"; bench/run validate, plan-1 and plan-500).
 */
final class ConfigWarmUp {
  static final int APPS = 60;

  /** About 300 apps of YAML. */
  static final long MIN_BYTES = 32 * 1024;

  private ConfigWarmUp() {}

  /** Loads the built-in file on this thread, result and failures dropped. */
  static void run() {
    try {
      ConfigLoader.standard().loadTexts(List.of(new SourceText("warm-up.yaml", text(), null)));
    } catch (RuntimeException | LinkageError e) {
      // only a head start: the real load meets any failure itself and reports it
    }
  }

  /** Apps in both YAML styles, with the fields most files use. */
  static String text() {
    StringBuilder b = new StringBuilder("version: 1\napps:\n");
    for (int i = 0; i < APPS; i++) {
      b.append("  warm-up-").append(i).append(":\n    processes:\n");
      if (i % 2 == 0) {
        b.append("      web: {size: performance-m, autoscale: {min: 2, max: 6, p95_ms: 800}}\n")
            .append("      worker: {size: standard-2x, quantity: 3}\n");
      } else {
        b.append("      web:\n        size: standard-2x\n        quantity: 2\n")
            .append("      worker:\n        size: \"standard-1x\"\n        quantity: 1\n");
      }
    }
    return b.toString();
  }

  /**
   * The size of the formation files a command line seems to name, before picocli has read it: every
   * argument (or {@code --file=} value) that is an existing {@code .yaml} or {@code .yml} file or a
   * folder of them, else {@code formation.yaml} here. Only a guess, which decides whether the
   * warm-up is worth its CPU; the command itself reads its options properly.
   */
  static long bytesNamedIn(String[] args) {
    long bytes = 0;
    boolean named = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i].startsWith("--file=") ? args[i].substring("--file=".length()) : args[i];
      try {
        Path p = Path.of(a);
        if (Files.isDirectory(p)) {
          named = true;
          try (DirectoryStream<Path> yamls = Files.newDirectoryStream(p, "*.{yaml,yml}")) {
            for (Path y : yamls) {
              bytes += Files.size(y);
            }
          }
        } else if ((a.endsWith(".yaml") || a.endsWith(".yml")) && Files.isRegularFile(p)) {
          named = true;
          bytes += Files.size(p);
        }
      } catch (IOException | RuntimeException e) {
        // not a path: an option, a value, an app name
      }
    }
    if (!named) {
      try {
        bytes = Files.size(Path.of("formation.yaml"));
      } catch (IOException | RuntimeException e) {
        bytes = 0;
      }
    }
    return bytes;
  }
}
