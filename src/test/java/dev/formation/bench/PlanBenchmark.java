package dev.formation.bench;

import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans N apps (default 500) with the real launcher against the fake Heroku API answering every
 * request after a fixed latency (default 25 ms), and reports wall time, requests per app and the
 * CLI process's peak resident memory. Run by {@code bench/plan.sh}, not by CI.
 *
 * <p>Arguments: {@code LAUNCHER [APPS] [LATENCY_MS] [RUNS] [PARALLELISM]}.
 */
public final class PlanBenchmark {
  private PlanBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    int apps = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 25;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    String parallelism = args.length > 4 ? args[4] : null;
    Path dir = Files.createTempDirectory("formation-bench");
    try (FakeHeroku heroku = FakeHeroku.start()) {
      heroku.rateLimitRemaining(1_000_000);
      Files.writeString(dir.resolve("formation.yaml"), seed(heroku, apps));
      heroku.latency(Duration.ofMillis(latencyMs));
      System.out.printf(
          Locale.ROOT,
          "plan of %d apps, %d ms latency per request, %d runs%s%n",
          apps,
          latencyMs,
          runs,
          parallelism == null ? "" : ", --parallelism " + parallelism);
      System.out.println("| run | exit | wall ms | requests | requests/app | peak RSS MB |");
      System.out.println("|---:|---:|---:|---:|---:|---:|");
      for (int run = 1; run <= runs; run++) {
        heroku.clearRequests();
        List<String> command =
            new ArrayList<>(List.of(launcher.toString(), "plan", "--detailed-exitcode"));
        if (parallelism != null) {
          command.add("--parallelism");
          command.add(parallelism);
        }
        ProcessBuilder pb =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HEROKU_HOST", heroku.url());
        pb.environment().put("HEROKU_API_KEY", heroku.token());
        long start = System.nanoTime();
        Process p = pb.start();
        long peakKb = 0;
        while (p.isAlive()) {
          peakKb = Math.max(peakKb, peakRssKb(p.pid()));
          Thread.sleep(10);
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        int requests = heroku.requests().size();
        System.out.printf(
            Locale.ROOT,
            "| %d | %d | %d | %d | %.2f | %.0f |%n",
            run,
            p.exitValue(),
            wallMs,
            requests,
            requests / (double) apps,
            peakKb / 1024.0);
        if (p.exitValue() != 2) {
          System.out.println(Files.readString(dir.resolve("err.txt")));
        }
      }
    }
  }

  /** One app in three autoscales web on Performance-M, the rest run standard dynos. */
  private static String seed(FakeHeroku heroku, int apps) {
    StringBuilder yaml = new StringBuilder("version: 1\napps:\n");
    for (int i = 0; i < apps; i++) {
      String name = String.format(Locale.ROOT, "bench-app-%04d", i);
      FakeApp app = heroku.addApp(name, "cedar");
      yaml.append("  ").append(name).append(":\n    processes:\n");
      if (i % 3 == 0) {
        app.process("web", "performance-m", 3).process("worker", "standard-2x", 2);
        app.monitor("LATENCY_SCALE", "scale", true, 2, 6, 800, false);
        yaml.append("      web: {size: performance-m, autoscale: {min: 2, max: 6, p95_ms: 800}}\n");
        yaml.append("      worker: {size: standard-2x, quantity: 3}\n");
      } else {
        app.process("web", "standard-1x", 2).process("worker", "standard-1x", 1);
        yaml.append("      web: {size: standard-2x, quantity: 2}\n");
        yaml.append("      worker: {size: standard-1x, quantity: 1}\n");
      }
    }
    return yaml.toString();
  }

  private static long peakRssKb(long pid) {
    // VmHWM of the launcher's java child; the launcher execs java, so the pid is the JVM's
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between two samples
    }
    return 0;
  }
}
