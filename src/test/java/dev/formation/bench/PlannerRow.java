package dev.formation.bench;

import java.lang.reflect.Method;

/**
 * The planner alone on 10,000 apps, measured by JMH ({@code dev.formation.bench.jmh}, compiled with
 * {@code mvn -Pbench}); without JMH on the classpath the row says how to get it.
 */
final class PlannerRow {
  private PlannerRow() {}

  /** Where a finished row goes. */
  interface Sink {
    void row(String scenario, String median, String range, String perApp, String rss, String note);
  }

  static void run(Sink sink) throws Exception {
    Class<?> benchmark;
    try {
      benchmark = Class.forName("dev.formation.bench.jmh.PlannerBenchmark");
    } catch (ClassNotFoundException e) {
      sink.row(
          "planner alone, 10,000 apps (JMH)", "skipped: build with mvn -Pbench", "", "", "", "");
      return;
    }
    Method measure = benchmark.getMethod("measure");
    double[] msPerPlan = (double[]) measure.invoke(null);
    sink.row(
        "planner alone, 10,000 apps (JMH)",
        String.format(java.util.Locale.ROOT, "%.1f ms", msPerPlan[0]),
        String.format(java.util.Locale.ROOT, "± %.1f ms (99.9 %%)", msPerPlan[1]),
        "–",
        "–",
        String.format(java.util.Locale.ROOT, "%.1f µs per app", msPerPlan[0] * 1000 / 10_000));
  }
}
