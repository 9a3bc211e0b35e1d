package dev.formation.platform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A file per running dyno naming its process group, so that a daemon that was killed (and so could
 * not stop its dynos) has them stopped by the next daemon instead of leaving orphans.
 */
final class PidFiles {
  private final Path dir;

  PidFiles(Path dir) {
    this.dir = dir;
  }

  /** The folder of the run files, where the dynos' output pipes live too. */
  Path dir() {
    return dir;
  }

  void write(String app, String dyno, long pgid) {
    try {
      Files.createDirectories(dir);
      StateStore.writeAtomically(
          file(app, dyno, pgid), String.valueOf(pgid).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      System.err.println("cannot write the pid file of " + app + " " + dyno + ": " + e);
    }
  }

  void delete(String app, String dyno, long pgid) {
    try {
      Files.deleteIfExists(file(app, dyno, pgid));
    } catch (IOException e) {
      // the next daemon will find the group gone and drop the file
    }
  }

  /** Kills every process group a previous daemon left, and forgets them. Returns how many. */
  int reapOrphans() {
    // without setsid a group id is just a pid, which may have been reused by now
    if (!ProcessGroup.SETSID || !Files.isDirectory(dir)) {
      return 0;
    }
    int reaped = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
        long pgid = Long.parseLong(Files.readString(f).trim());
        ProcessGroup g = new ProcessGroup(pgid);
        if (!g.members().isEmpty()) {
          g.signal(true);
          waitGone(g);
          reaped++;
        }
        Files.delete(f);
      }
    } catch (IOException | NumberFormatException e) {
      System.err.println("cannot reap dynos of a previous daemon: " + e);
    }
    return reaped;
  }

  /**
   * One file per process group, not per dyno name: a restarted {@code web.1} starts while the old
   * one still has its grace period, and both groups must be found if the daemon dies meanwhile.
   */
  private Path file(String app, String dyno, long pgid) {
    return dir.resolve(app + "." + dyno + "." + pgid + ".pid");
  }

  private static void waitGone(ProcessGroup g) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!g.members().isEmpty() && System.nanoTime() < end) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
