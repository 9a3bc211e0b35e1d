package dev.formation.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a whole process and measures it: wall time from start to exit, and peak resident memory. */
final class Cli {
  private Cli() {}

  /** What one process did. */
  record Run(int exit, String out, String err, double wallMs, double peakRssMb) {}

  /** {@code bin/formation args...} in {@code dir}. */
  static Run run(Path launcher, Path dir, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return command(dir, env, command);
  }

  static Run command(Path dir, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    long peakKb = 0;
    do {
      peakKb = Math.max(peakKb, peakRssKb(p.pid()));
    } while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS));
    double wallMs = (System.nanoTime() - start) / 1e6;
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8),
        wallMs,
        peakKb / 1024.0);
  }

  /**
   * Waits (at most {@code limitMs}) until no process whose command line contains {@code marker} is
   * left: programs that leave work running after they exit (the Heroku CLI's telemetry workers)
   * would otherwise take CPU from whatever is measured next. Returns the milliseconds waited.
   */
  static long awaitNone(String marker, long limitMs) throws InterruptedException {
    long start = System.nanoTime();
    while ((System.nanoTime() - start) / 1_000_000 < limitMs
        && ProcessHandle.allProcesses()
            .anyMatch(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))) {
      Thread.sleep(50);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** VmHWM of the process: the launcher execs java, so its pid is the JVM's. */
  private static long peakRssKb(long pid) {
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
