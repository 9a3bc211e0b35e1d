package dev.formation.bench;

import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import java.util.Locale;

/** The configs and live apps the benchmarks plan: one app in three autoscales web. */
final class Configs {
  private Configs() {}

  static String name(int i) {
    return String.format(Locale.ROOT, "bench-app-%04d", i);
  }

  /** A valid file of {@code apps} apps, offline (no platform is read). */
  static String valid(int apps) {
    StringBuilder yaml = new StringBuilder("version: 1\napps:\n");
    for (int i = 0; i < apps; i++) {
      yaml.append("  ").append(name(i)).append(":\n    processes:\n");
      if (i % 3 == 0) {
        yaml.append("      web: {size: performance-m, autoscale: {min: 2, max: 6, p95_ms: 800}}\n");
        yaml.append("      worker: {size: standard-2x, quantity: 3}\n");
      } else {
        yaml.append("      web: {size: standard-2x, quantity: 2}\n");
        yaml.append("      worker: {size: standard-1x, quantity: 1}\n");
      }
    }
    return yaml.toString();
  }

  /**
   * Seeds {@code heroku} with the live side of {@link #valid} so that every app has one change: the
   * autoscaled third has a worker 2 → 3 (and its monitor on), the rest a web Standard-1X →
   * Standard-2X.
   */
  static String seed(FakeHeroku heroku, int apps) {
    for (int i = 0; i < apps; i++) {
      FakeApp app = heroku.addApp(name(i), "cedar");
      if (i % 3 == 0) {
        app.process("web", "performance-m", 3).process("worker", "standard-2x", 2);
        app.monitor("LATENCY_SCALE", "scale", true, 2, 6, 800, false);
      } else {
        app.process("web", "standard-1x", 2).process("worker", "standard-1x", 1);
      }
    }
    return valid(apps);
  }

  /** {@code apps} apps with web 1 × Standard-1X, and a config that scales web to {@code to}. */
  static String scaleWeb(FakeHeroku heroku, int apps, int to) {
    StringBuilder yaml = new StringBuilder("version: 1\napps:\n");
    for (int i = 0; i < apps; i++) {
      heroku.addApp(name(i), "cedar").process("web", "standard-1x", 1);
      yaml.append("  ")
          .append(name(i))
          .append(":\n    processes:\n      web: {size: standard-1x, quantity: ")
          .append(to)
          .append("}\n");
    }
    return yaml.toString();
  }
}
