package dev.formation.bench;

import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench/run}: every performance figure of docs/performance.md, as one table of medians over
 * repeated runs with their min–max. Each scenario runs whole processes through {@code
 * bin/formation}, against the in-process fake Heroku API answering every request after 25 ms,
 * beside the floor it is compared with (a 32-thread JDK HTTP client making the same reads, a loop
 * of the Heroku CLI). Not run by CI.
 *
 * <p>Arguments: {@code LAUNCHER [RUNS] [SCENARIO-PREFIX...]}.
 */
public final class BenchRun {
  static final int LATENCY_MS = 25;

  /** The floor's client, kept warm across runs: the floor pays no start-up. */
  private static final HttpClient http = HttpClient.newBuilder().build();

  private final Path launcher;
  private final int runs;
  private final List<String> only;

  /** Extra flags for every plan and apply, from {@code -Dbench.args=--parallelism=64}. */
  private final List<String> flags;

  private BenchRun(Path launcher, int runs, List<String> only, List<String> flags) {
    this.launcher = launcher;
    this.runs = runs;
    this.only = only;
    this.flags = flags;
  }

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> only = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
    String extra = System.getProperty("bench.args", "").trim();
    List<String> flags = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    new BenchRun(launcher, runs, only, flags).all();
  }

  /**
   * A fake with {@code apps} apps seeded as {@link Configs#seed} does, their config written to
   * {@code dir}, answering after {@link #LATENCY_MS}: what the plan and apply rows run against.
   */
  static FakeHeroku seeded(int apps, Path dir) throws IOException {
    FakeHeroku heroku = FakeHeroku.start();
    heroku.rateLimitRemaining(1_000_000);
    Files.writeString(dir.resolve("formation.yaml"), Configs.seed(heroku, apps));
    heroku.latency(Duration.ofMillis(LATENCY_MS));
    return heroku;
  }

  /** {@code bin/formation args...} with the extra flags of {@code bench.args}. */
  private Cli.Run formation(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(flags);
    return Cli.run(launcher, dir, env, all.toArray(String[]::new));
  }

  private void all() throws Exception {
    System.out.println(Machine.describe());
    System.out.printf(
        Locale.ROOT, "%d runs per scenario, fake Heroku API latency %d ms%n%n", runs, LATENCY_MS);
    header();
    if (wanted("validate")) {
      validate(30);
    }
    for (int apps : new int[] {1, 10, 100, 500, 2000}) {
      if (wanted("plan-" + apps)) {
        plan(apps);
      }
    }
    for (int apps : new int[] {10, 500}) {
      if (wanted("apply-" + apps)) {
        apply(apps);
      }
    }
    if (wanted("heroku-cli")) {
      herokuLoop(10);
    }
    if (wanted("planner")) {
      PlannerRow.run(this::row);
    }
  }

  private boolean wanted(String scenario) {
    return only.isEmpty() || only.stream().anyMatch(scenario::startsWith);
  }

  private void header() {
    System.out.println("| scenario | median | min–max | requests/app | peak RSS | compared with |");
    System.out.println("|---|---:|---:|---:|---:|---|");
  }

  void row(String scenario, String median, String range, String perApp, String rss, String note) {
    String line = "| " + String.join(" | ", scenario, median, range, perApp, rss, note) + " |";
    System.out.println(line);
  }

  private void validate(int apps) throws Exception {
    Path dir = Files.createTempDirectory("formation-bench");
    Files.writeString(dir.resolve("formation.yaml"), Configs.valid(apps));
    Samples wall = new Samples();
    Samples rss = new Samples();
    for (int i = 0; i < runs; i++) {
      Cli.Run r = Cli.run(launcher, dir, Map.of(), "validate");
      check(r, 0);
      wall.add(r.wallMs());
      rss.add(r.peakRssMb());
    }
    row(
        "cold `validate`, " + apps + " apps",
        wall.median() + " ms",
        wall.range(),
        "–",
        rss.median() + " MB",
        "budget 300 ms");
  }

  private void plan(int apps) throws Exception {
    Path dir = Files.createTempDirectory("formation-bench");
    try (FakeHeroku heroku = seeded(apps, dir)) {
      Samples wall = new Samples();
      Samples rss = new Samples();
      Samples floor = new Samples();
      int requests = 0;
      // The fake runs in this JVM: passes of the floor's reads first (at least 5,000 requests),
      // so that no run of the plan shares the cores with the fake's own JIT compilation; the
      // floor is measured warm too. (A fake in a separate, long-running process is warm anyway.)
      warmUp(heroku, apps);
      for (int i = 0; i < runs; i++) {
        settle();
        heroku.clearRequests();
        Cli.Run r = formation(dir, heroku.env(), "plan", "--detailed-exitcode");
        check(r, 2);
        requests = heroku.requests().size();
        wall.add(r.wallMs());
        rss.add(r.peakRssMb());
        floor.add(rawReads(heroku, apps));
      }
      double ratio = wall.medianValue() / Math.max(1, floor.medianValue());
      row(
          "`plan`, " + apps + (apps == 1 ? " app" : " apps"),
          wall.median() + " ms",
          wall.range(),
          String.format(Locale.ROOT, "%.2f", requests / (double) apps),
          rss.median() + " MB",
          String.format(
              Locale.ROOT,
              "raw 32-thread client %d ms: %.2f×",
              Math.round(floor.medianValue()),
              ratio));
    }
  }

  private void apply(int apps) throws Exception {
    Samples wall = new Samples();
    int requests = 0;
    for (int i = 0; i < runs; i++) {
      Path dir = Files.createTempDirectory("formation-bench");
      try (FakeHeroku heroku = seeded(apps, dir)) {
        Cli.Run r = formation(dir, heroku.env(), "apply", "--auto-approve");
        check(r, 0);
        requests = heroku.requests().size();
        wall.add(r.wallMs());
      }
    }
    row(
        "`apply`, " + apps + " apps",
        wall.median() + " ms",
        wall.range(),
        String.format(Locale.ROOT, "%.2f", requests / (double) apps),
        "–",
        requests + " requests in all");
  }

  /** What the Heroku CLI leaves running after it exits, to send its telemetry. */
  private static final String HEROKU_BACKGROUND = "analytics-telemetry/telemetry-worker";

  /** The same change to {@code apps} apps: one formation apply, and a loop of the Heroku CLI. */
  private void herokuLoop(int apps) throws Exception {
    if (!Cli.onPath("heroku")) {
      row(
          "Heroku CLI loop of `ps:scale`, " + apps + " apps",
          "skipped: install with npm install -g heroku",
          "",
          "",
          "",
          "");
      return;
    }
    Samples cli = new Samples();
    Samples ours = new Samples();
    long waited = 0;
    for (int i = 0; i < runs; i++) {
      Path dir = Files.createTempDirectory("formation-bench");
      try (FakeHeroku heroku = FakeHeroku.start()) {
        Files.writeString(dir.resolve("formation.yaml"), Configs.scaleWeb(heroku, apps, 3));
        heroku.latency(Duration.ofMillis(LATENCY_MS));
        // each side starts on a quiet machine: the Heroku CLI leaves telemetry workers running
        // after it exits (unless DISABLE_TELEMETRY=true), and they would slow the next process
        waited += Cli.awaitNone(HEROKU_BACKGROUND, 30_000);
        Cli.Run r = formation(dir, heroku.env(), "apply", "--auto-approve");
        check(r, 0);
        ours.add(r.wallMs());
        for (int a = 0; a < apps; a++) {
          heroku.app(Configs.name(a)).process("web", "standard-1x", 1);
        }
        long start = System.nanoTime();
        for (int a = 0; a < apps; a++) {
          Cli.Run loop =
              Cli.command(
                  dir, heroku.env(), List.of("heroku", "ps:scale", "web=3", "-a", Configs.name(a)));
          check(loop, 0);
        }
        cli.add((System.nanoTime() - start) / 1e6);
      }
    }
    waited += Cli.awaitNone(HEROKU_BACKGROUND, 30_000);
    row(
        "Heroku CLI loop of `ps:scale`, " + apps + " apps",
        cli.median() + " ms",
        cli.range(),
        "",
        "",
        String.format(
            Locale.ROOT,
            "one `apply` %s ms: the loop takes %.1f×%s",
            ours.median(),
            cli.medianValue() / Math.max(1, ours.medianValue()),
            "true".equals(System.getenv("DISABLE_TELEMETRY"))
                ? " (Heroku CLI telemetry off)"
                : String.format(
                    Locale.ROOT,
                    " (its telemetry workers ran on %.1f s in all after the loops)",
                    waited / 1000.0)));
  }

  /**
   * A pause before a measured run: this JVM's own compiler and collector finish what the previous
   * run (the fake's answers, the floor's client) gave them instead of sharing the two cores with
   * the process measured next.
   */
  private static void settle() throws InterruptedException {
    Thread.sleep(SETTLE_MS);
  }

  static final long SETTLE_MS = 1000;

  static final int WARM_UP_REQUESTS = 5000;

  /**
   * {@link #WARM_UP_REQUESTS} of the floor's reads, 32 at a time whatever the number of apps (a
   * loop of one app's two reads took over two minutes for the one-app row).
   */
  private static void warmUp(FakeHeroku heroku, int apps) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < WARM_UP_REQUESTS; i++) {
        FakeApp app = heroku.app(Configs.name(i % apps));
        boolean monitors = (i / apps) % 2 == 1 && !app.monitors().isEmpty();
        String path =
            monitors
                ? "/apps/" + app.id() + "/formation/web/monitors"
                : "/apps/" + app.name() + "/formation";
        futures.add(
            pool.submit(
                () -> {
                  get(http, heroku, path);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The floor of a plan: the same reads (one formation list per app, one monitors list per
   * autoscaled app) from a JDK client on 32 threads, in this process, without a JVM start.
   */
  private static double rawReads(FakeHeroku heroku, int apps) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int a = 0; a < apps; a++) {
        FakeApp app = heroku.app(Configs.name(a));
        futures.add(
            pool.submit(
                () -> {
                  get(http, heroku, "/apps/" + app.name() + "/formation");
                  if (!app.monitors().isEmpty()) {
                    get(http, heroku, "/apps/" + app.id() + "/formation/web/monitors");
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static void get(HttpClient http, FakeHeroku heroku, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(heroku.url() + path))
                .header("Accept", "application/vnd.heroku+json; version=3")
                .header("Authorization", "Bearer " + heroku.token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(path + " answered " + r.statusCode());
    }
  }

  private static void check(Cli.Run r, int expected) throws IOException {
    if (r.exit() != expected) {
      throw new IOException(
          "expected exit " + expected + ", got " + r.exit() + ":\n" + r.out() + r.err());
    }
  }

  /** The machine, so that a row is read with the cores and the JDK it came from. */
  static final class Machine {
    private Machine() {}

    static String describe() throws IOException {
      String load =
          Files.exists(Path.of("/proc/loadavg"))
              ? Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim()
              : "unknown";
      return String.format(
          Locale.ROOT,
          "machine: %d cores, %s %s (%s), %s %s; load average %s",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          System.getProperty("java.vendor"),
          System.getProperty("os.name"),
          System.getProperty("os.arch"),
          load);
    }
  }
}
