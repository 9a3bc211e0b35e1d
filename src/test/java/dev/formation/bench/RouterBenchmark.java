package dev.formation.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The router benchmark: the same requests to a dyno's own port (direct), through its app's router,
 * and through each reference proxy in front of the same dyno (HAProxy, nginx), one request at a
 * time and at 50 and 200 connections, each with a new connection per request and with keep-alive.
 * Every scenario runs on every target back to back, the proxies in a rotating order, and the whole
 * set runs {@code bench.rounds} times (3 unless told), so that the router and a reference are
 * always compared within the same minute on a machine whose load moves. Prints Markdown: the median
 * of the rounds per scenario and target, then the router against each reference, round by round
 * (median and range).
 *
 * <p>Usage: {@code RouterBenchmark DIRECT_URL ROUTED_URL [REQUESTS_PER_RUN=10000] [SEQUENTIAL=2000]
 * [NAME=URL ...]}, with {@code -Dbench.pids=router:PID,dyno:PID,NAME:PID} for the CPU column.
 * Loopback only: the URLs must be {@code http://127.0.0.1:PORT/...}. {@code
 * -Dbench.only=routed:50:keep-alive} runs one load on the routed URL and nothing else (for a
 * profiler).
 */
public final class RouterBenchmark {
  /** Where requests go: the dyno itself, the router, or a reference proxy, and its process. */
  record Target(String name, URI uri, long pid) {}

  record Scenario(String name, int connections, boolean keepAlive, int requests) {
    boolean sequential() {
      return connections == 1;
    }
  }

  private static final String DIRECT = "direct";
  private final LoadRun runner = new LoadRun();
  private final long dynoPid;
  private final Map<String, Long> pids;

  private RouterBenchmark(Map<String, Long> pids) {
    this.pids = pids;
    this.dynoPid = pids.getOrDefault("dyno", -1L);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: RouterBenchmark DIRECT_URL ROUTED_URL [REQUESTS] [SEQUENTIAL] [NAME=URL ...]");
      System.exit(1);
    }
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String part : System.getProperty("bench.pids", "").split(",")) {
      String[] kv = part.split(":");
      if (kv.length == 2) {
        pids.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    RouterBenchmark b = new RouterBenchmark(pids);
    List<Target> targets = new ArrayList<>();
    targets.add(b.target(DIRECT, args[0]));
    targets.add(b.target(System.getProperty("bench.routed.name", "router"), args[1]));
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      targets.add(b.target(kv[0], kv[1]));
    }
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int sequential = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    try (LoadRun r = b.runner) {
      String only = System.getProperty("bench.only");
      if (only != null) {
        b.only(targets.get(1), only, requests);
      } else {
        b.run(targets, requests, sequential, Integer.getInteger("bench.rounds", 3));
      }
    }
  }

  private Target target(String name, String url) {
    URI u = URI.create(url);
    if (!"http".equals(u.getScheme()) || !"127.0.0.1".equals(u.getHost()) || u.getPort() < 1) {
      throw new IllegalArgumentException("not an http://127.0.0.1:PORT/ URL: " + url);
    }
    return new Target(name, u, pids.getOrDefault(name, -1L));
  }

  private LoadRun.Result load(Target t, int connections, boolean keepAlive, int total)
      throws InterruptedException {
    long bench = ProcessHandle.current().pid();
    return runner.load(
        t.uri(), connections, keepAlive, total, new long[] {t.pid(), dynoPid, bench});
  }

  /** One load on one target, for a profiler (e.g. {@code routed:50:keep-alive}). */
  private void only(Target t, String spec, int requests) throws InterruptedException {
    String[] f = spec.split(":");
    LoadRun.Result r = load(t, Integer.parseInt(f[1]), f[2].equals("keep-alive"), requests);
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.3f ms, p99 %.3f ms, %.0f req/s, %d errors; CPU µs per request: proxy %d, dyno"
            + " %d, bench %d%n",
        spec,
        r.percentile(0.5) / 1e6,
        r.percentile(0.99) / 1e6,
        r.perSecond(),
        r.errors(),
        r.cpuMicros(0),
        r.cpuMicros(1),
        r.cpuMicros(2));
  }

  private void run(List<Target> targets, int requests, int sequential, int rounds)
      throws InterruptedException {
    // warm every path before anything counts: the daemon's C2 compiler alone took about 7 s of
    // CPU over the first 90,000 routed requests, which a short warm-up charged to the router
    for (Target t : targets) {
      boolean router = t == targets.get(1);
      load(t, 50, true, router ? 40_000 : 5_000);
      load(t, 50, false, router ? 5_000 : 2_000);
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (boolean keepAlive : new boolean[] {true, false}) {
      String mode = keepAlive ? "keep-alive" : "new connection";
      scenarios.add(new Scenario("1 at a time, " + mode, 1, keepAlive, sequential));
    }
    for (int connections : new int[] {50, 200}) {
      for (boolean keepAlive : new boolean[] {false, true}) {
        String mode = keepAlive ? "keep-alive" : "new connection";
        scenarios.add(
            new Scenario(connections + " concurrent, " + mode, connections, keepAlive, requests));
      }
    }
    Map<Scenario, Map<String, List<LoadRun.Result>>> results = new LinkedHashMap<>();
    List<Target> proxies = targets.subList(1, targets.size());
    for (int round = 0; round < rounds; round++) {
      for (int s = 0; s < scenarios.size(); s++) {
        Scenario sc = scenarios.get(s);
        Map<String, List<LoadRun.Result>> byTarget =
            results.computeIfAbsent(sc, k -> new LinkedHashMap<>());
        List<Target> order = new ArrayList<>(List.of(targets.get(0)));
        for (int i = 0; i < proxies.size(); i++) {
          // the proxies take turns at running first, right after direct
          order.add(proxies.get((i + round + s) % proxies.size()));
        }
        for (Target t : order) {
          LoadRun.Result r = load(t, sc.connections(), sc.keepAlive(), sc.requests());
          byTarget.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    new BenchReport(targets, scenarios, results, rounds).print(System.out);
  }

  /** The median of {@code f} over {@code rs}. */
  static double median(List<LoadRun.Result> rs, ToDoubleFunction<LoadRun.Result> f) {
    return median(rs.stream().mapToDouble(f).toArray());
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? 0 : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
