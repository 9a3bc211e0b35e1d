package dev.formation.platform.local.daemon.supervisor;

import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.state.StateFiles;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A named pipe that a dyno's whole process group writes its output to. Java's own pipe to a child
 * is drained and closed when that child exits, so the shutdown output of what the {@code sh} leader
 * started would be lost, and those processes killed by SIGPIPE; this pipe stays open until the last
 * writer closes it.
 */
final class OutputPipe {
  static final boolean AVAILABLE =
      Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo"));
  private static final AtomicLong SERIAL = new AtomicLong();

  private final Path path;

  private OutputPipe(Path path) {
    this.path = path;
  }

  /**
   * Makes a new pipe in {@code dir} and a thread copying what arrives into {@code log}. The
   * thread's open waits for the dyno's, which happens in {@code ProcessBuilder.start()}.
   */
  static OutputPipe open(Path dir, String name, AppLog log, String source) throws IOException {
    StateFiles.ensureDir(dir);
    Path path = dir.resolve(name + "." + SERIAL.incrementAndGet() + ".out");
    Files.deleteIfExists(path);
    Process mk = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).start();
    try {
      if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) {
        throw new IOException("mkfifo failed for " + path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted making " + path, e);
    }
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = new FileInputStream(path.toFile())) {
                // both ends are open now; the name is no longer needed
                Files.deleteIfExists(path);
                log.copy(in, source);
              } catch (IOException e) {
                // the pipe went away with the daemon
              }
            },
            "dyno-output-" + source);
    t.setDaemon(true);
    t.start();
    return new OutputPipe(path);
  }

  /** Where the dyno's output goes ({@code ProcessBuilder.Redirect.appendTo}). */
  java.io.File file() {
    return path.toFile();
  }

  /** Lets the reader finish when the dyno could not be started at all. */
  void abandon() {
    try {
      // opened and closed: the reader sees end of file
      new FileOutputStream(path.toFile(), true).close();
    } catch (IOException e) {
      // the reader is gone already
    }
  }

  /** Removes pipes a killed daemon left behind. */
  static void sweep(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".out")).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // stray pipes are harmless
    }
  }
}
