package dev.formation.bench;

import dev.formation.bench.RouterBenchmark.Scenario;
import dev.formation.bench.RouterBenchmark.Target;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The router benchmark's Markdown: per scenario and target the median of the rounds, then the
 * router against each reference proxy round by round. A round's figures for the router and a
 * reference were measured within the same few seconds, so their ratio is far steadier than either
 * figure on a shared machine.
 */
final class BenchReport {
  private final List<Target> targets;
  private final List<Scenario> scenarios;
  private final Map<Scenario, Map<String, List<LoadRun.Result>>> results;
  private final int rounds;

  BenchReport(
      List<Target> targets,
      List<Scenario> scenarios,
      Map<Scenario, Map<String, List<LoadRun.Result>>> results,
      int rounds) {
    this.targets = targets;
    this.scenarios = scenarios;
    this.results = results;
    this.rounds = rounds;
  }

  void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Medians of %d rounds; in each round every scenario ran on every target back to back.%n%n",
        rounds);
    out.println(
        "| scenario | target | requests | p50 ms | p99 ms | req/s | errors | vs direct |"
            + " CPU µs per request |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
    for (Scenario sc : scenarios) {
      for (Target t : targets) {
        row(out, sc, t);
      }
    }
    Target router = targets.get(1);
    for (Target ref : targets.subList(2, targets.size())) {
      out.println();
      out.printf("%s against %s, round by round (median, range):%n%n", router.name(), ref.name());
      out.printf(
          "| scenario | %s | %s | %s vs %s | rounds |%n",
          router.name(), ref.name(), router.name(), ref.name());
      out.println("|---|---:|---:|---:|---|");
      for (Scenario sc : scenarios) {
        against(out, sc, router, ref);
      }
    }
    for (Target t : targets.subList(1, targets.size())) {
      long answered = 0;
      long errors = 0;
      for (Scenario sc : scenarios) {
        for (LoadRun.Result r : results.get(sc).get(t.name())) {
          answered += r.nanos().length;
          errors += r.errors();
        }
      }
      out.printf("%nThrough %s: %d requests answered, %d errors.", t.name(), answered, errors);
    }
    out.println();
  }

  private void row(PrintStream out, Scenario sc, Target t) {
    List<LoadRun.Result> rs = results.get(sc).get(t.name());
    List<LoadRun.Result> direct = results.get(sc).get(targets.get(0).name());
    boolean isDirect = t == targets.get(0);
    String share = "";
    if (!isDirect) {
      double[] v = new double[rs.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] =
            sc.sequential()
                ? (rs.get(i).percentile(0.5) - direct.get(i).percentile(0.5)) / 1e6
                : 100 * rs.get(i).perSecond() / direct.get(i).perSecond();
      }
      share =
          String.format(
              Locale.ROOT,
              sc.sequential() ? "%+.3f ms p50" : "%.0f %% req/s",
              RouterBenchmark.median(v));
    }
    String cpu =
        (isDirect ? "" : t.name() + " " + cpu(rs, 0) + ", ")
            + "dyno "
            + cpu(rs, 1)
            + ", bench "
            + cpu(rs, 2);
    out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %.3f | %.3f | %.0f | %d | %s | %s |%n",
        sc.name(),
        t.name(),
        rs.stream().mapToInt(r -> r.nanos().length).sum(),
        RouterBenchmark.median(rs, r -> r.percentile(0.5)) / 1e6,
        RouterBenchmark.median(rs, r -> r.percentile(0.99)) / 1e6,
        RouterBenchmark.median(rs, LoadRun.Result::perSecond),
        rs.stream().mapToInt(LoadRun.Result::errors).sum(),
        share,
        cpu);
  }

  private static String cpu(List<LoadRun.Result> rs, int i) {
    if (rs.stream().anyMatch(r -> r.cpuMicros(i) < 0)) {
      return "?";
    }
    return String.valueOf(Math.round(RouterBenchmark.median(rs, r -> r.cpuMicros(i))));
  }

  /**
   * One request at a time: what each adds to direct's median latency, and the router's minus the
   * reference's; under load: requests a second, and the router's as a multiple of the reference's.
   */
  private void against(PrintStream out, Scenario sc, Target router, Target ref) {
    List<LoadRun.Result> d = results.get(sc).get(targets.get(0).name());
    List<LoadRun.Result> a = results.get(sc).get(router.name());
    List<LoadRun.Result> b = results.get(sc).get(ref.name());
    int n = a.size();
    double[] va = new double[n];
    double[] vb = new double[n];
    double[] cmp = new double[n];
    for (int i = 0; i < n; i++) {
      if (sc.sequential()) {
        va[i] = (a.get(i).percentile(0.5) - d.get(i).percentile(0.5)) / 1e6;
        vb[i] = (b.get(i).percentile(0.5) - d.get(i).percentile(0.5)) / 1e6;
        cmp[i] = va[i] - vb[i];
      } else {
        va[i] = a.get(i).perSecond();
        vb[i] = b.get(i).perSecond();
        cmp[i] = va[i] / vb[i];
      }
    }
    String f = sc.sequential() ? "%+.3f ms" : "%.2f×";
    String each =
        IntStream.range(0, n)
            .mapToObj(i -> String.format(Locale.ROOT, f, cmp[i]))
            .collect(Collectors.joining(", "));
    double[] sorted = cmp.clone();
    Arrays.sort(sorted);
    out.printf(
        Locale.ROOT,
        "| %s | %s | %s | " + f + " (" + f + " to " + f + ") | %s |%n",
        sc.name(),
        String.format(
            Locale.ROOT,
            sc.sequential() ? "adds %+.3f ms" : "%.0f req/s",
            RouterBenchmark.median(va)),
        String.format(
            Locale.ROOT,
            sc.sequential() ? "adds %+.3f ms" : "%.0f req/s",
            RouterBenchmark.median(vb)),
        RouterBenchmark.median(cmp),
        sorted[0],
        sorted[n - 1],
        each);
  }
}
