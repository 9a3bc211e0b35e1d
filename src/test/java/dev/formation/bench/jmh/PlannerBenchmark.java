package dev.formation.bench.jmh;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.plan.Plan;
import dev.formation.plan.Planner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** The pure planner on 10,000 apps (a third autoscaled, every app with a change). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlannerBenchmark {
  static final int APPS = 10_000;

  private Planner planner;
  private Formation desired;
  private Map<String, LiveApp> live;

  @Setup
  public void apps() {
    Catalog catalog = Catalog.standard();
    planner = new Planner(catalog);
    List<AppSpec> specs = new ArrayList<>();
    live = new LinkedHashMap<>();
    for (int i = 0; i < APPS; i++) {
      String name = String.format(Locale.ROOT, "bench-app-%05d", i);
      boolean auto = i % 3 == 0;
      List<ProcessSpec> processes =
          auto
              ? List.of(
                  new ProcessSpec(
                      "web",
                      catalog.find("performance-m").orElseThrow(),
                      null,
                      new AutoscaleSpec(2, 6, 800, false),
                      null),
                  new ProcessSpec(
                      "worker", catalog.find("standard-2x").orElseThrow(), 3, null, null))
              : List.of(
                  new ProcessSpec("web", catalog.find("standard-2x").orElseThrow(), 2, null, null),
                  new ProcessSpec(
                      "worker", catalog.find("standard-1x").orElseThrow(), 1, null, null));
      specs.add(new AppSpec(name, PlatformKind.named("heroku"), false, null, processes, null));
      live.put(
          name,
          new LiveApp(
              name,
              "id-" + i,
              "cedar",
              auto
                  ? List.of(
                      new LiveProcess("web", "Performance-M", 3, "bin/web", null),
                      new LiveProcess("worker", "Standard-2X", 2, "bin/worker", null))
                  : List.of(
                      new LiveProcess("web", "Standard-1X", 2, "bin/web", null),
                      new LiveProcess("worker", "Standard-1X", 1, "bin/worker", null)),
              auto ? new LiveMonitor("m-" + i, true, 2, 6, 800, false) : null));
    }
    desired = new Formation(specs);
  }

  @Benchmark
  public Plan plan() {
    return planner.plan(desired, live, Map.of());
  }

  /** Runs the benchmark; returns the mean ms per plan and its 99.9 % error. */
  public static double[] measure() throws Exception {
    RunResult result =
        new Runner(new OptionsBuilder().include(PlannerBenchmark.class.getName()).build())
            .runSingle();
    var score = result.getPrimaryResult();
    return new double[] {score.getScore(), score.getScoreError()};
  }
}
