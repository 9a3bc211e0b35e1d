package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A file per running dyno naming its process group, so that the dynos of a daemon that was killed
 * (and so could not stop them) are stopped by the next daemon, or by {@code formation local stop},
 * instead of running on. A group is only signalled when {@code /proc} shows it is still the one
 * recorded: same boot, and a leader with the recorded start time, or (once the leader is gone)
 * members that carry the dyno's run marker in their environment. So a pid the system gave to
 * another process since is never signalled.
 */
public final class PidFiles {
  /** The environment variable each dyno's processes carry: {@code FORMATION_LOCAL_RUN=marker}. */
  public static final String MARKER_VARIABLE = "FORMATION_LOCAL_RUN";

  /** What one file records. */
  public record Entry(long pgid, long startTicks, String bootId, String marker) {}

  private final Path dir;

  public PidFiles(Path dir) {
    this.dir = dir;
  }

  /** The folder of the run files, where the dynos' output pipes live too. */
  public Path dir() {
    return dir;
  }

  /** Records a dyno's group; {@code marker} is what its processes carry in the environment. */
  public void write(String app, String dyno, long pgid, String marker) {
    try {
      Entry e = new Entry(pgid, ProcInfo.startTicks(pgid).orElse(-1), ProcInfo.bootId(), marker);
      StateFiles.writeAtomically(file(app, dyno, pgid), Json.MAPPER.writeValueAsBytes(e));
    } catch (IOException e) {
      System.err.println("cannot write the pid file of " + app + " " + dyno + ": " + e);
    }
  }

  public void delete(String app, String dyno, long pgid) {
    try {
      Files.deleteIfExists(file(app, dyno, pgid));
    } catch (IOException e) {
      // the next daemon will find the group gone and drop the file
    }
  }

  /**
   * Stops every recorded group still running (SIGTERM, SIGKILL after {@code grace}) and forgets
   * them all. A file that cannot be read is reported to {@code notice} and set aside; the others
   * are still handled. Returns how many groups were stopped.
   */
  public int stopAll(
      java.util.function.LongSupplier nanoTime, Duration grace, Consumer<String> notice) {
    if (!ProcessGroup.SETSID || !ProcInfo.available() || !Files.isDirectory(dir)) {
      return 0;
    }
    List<ProcessGroup> running = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".pid")).sorted().toList();
    } catch (IOException e) {
      notice.accept("cannot list " + dir + ": " + e.getMessage());
      return 0;
    }
    String boot = ProcInfo.bootId();
    for (Path f : files) {
      Entry e;
      try {
        e = Json.MAPPER.readValue(Files.readAllBytes(f), Entry.class);
        if (e.pgid() <= 1 || e.marker() == null) {
          throw new IllegalArgumentException("not a dyno's process group");
        }
      } catch (IOException | RuntimeException bad) {
        setAside(f, notice);
        continue;
      }
      if (e.bootId().equals(boot)) {
        ProcessGroup g = verified(e);
        if (g != null && !g.members().isEmpty()) {
          running.add(g);
        }
      }
      try {
        Files.deleteIfExists(f);
      } catch (IOException gone) {
        // removed by someone else meanwhile
      }
    }
    running.forEach(g -> g.signal(false));
    long end = nanoTime.getAsLong() + grace.toNanos();
    for (ProcessGroup g : running) {
      while (!g.members().isEmpty() && nanoTime.getAsLong() < end) {
        pause();
      }
    }
    for (ProcessGroup g : running) {
      if (!g.members().isEmpty()) {
        g.signal(true);
        // SIGKILL cannot be ignored: the group is gone as soon as the kernel has reaped it
        for (int i = 0; i < 250 && !g.members().isEmpty(); i++) {
          pause();
        }
      }
    }
    return running.size();
  }

  /**
   * A dyno a pid file names whose process group still runs: while no daemon holds the state folder,
   * one that a daemon killed without stopping its dynos left behind.
   *
   * @param dyno its name ({@code web.1})
   * @param pids the group's processes now, the leader first when it lives
   */
  public record Orphan(String app, String dyno, long pgid, List<Long> pids) {
    public Orphan {
      pids = List.copyOf(pids);
    }

    /** Its process type: the dyno's name without its number. */
    public String type() {
      int dot = dyno.lastIndexOf('.');
      return dot < 0 ? dyno : dyno.substring(0, dot);
    }
  }

  /**
   * Every recorded group still running, verified against {@code /proc} as {@link #stopAll} does;
   * reads only (a file that cannot be read is skipped: {@link #stopAll} sets it aside).
   */
  public List<Orphan> running() {
    if (!ProcInfo.available() || !Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".pid")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
    String boot = ProcInfo.bootId();
    List<Orphan> found = new ArrayList<>();
    for (Path f : files) {
      // APP.TYPE.N.PGID.pid: an app's name has no dot
      String[] parts = f.getFileName().toString().split("\\.");
      Entry e;
      try {
        e = Json.MAPPER.readValue(Files.readAllBytes(f), Entry.class);
      } catch (IOException | RuntimeException bad) {
        continue;
      }
      if (parts.length < 4 || e.pgid() <= 1 || e.marker() == null || !boot.equals(e.bootId())) {
        continue;
      }
      ProcessGroup g = verified(e);
      List<Long> pids =
          g == null ? List.of() : g.members().stream().map(ProcessHandle::pid).sorted().toList();
      if (!pids.isEmpty()) {
        List<Long> ordered = new ArrayList<>(pids);
        if (ordered.remove(e.pgid())) {
          ordered.add(0, e.pgid());
        }
        String dyno = String.join(".", java.util.Arrays.copyOfRange(parts, 1, parts.length - 2));
        found.add(new Orphan(parts[0], dyno, e.pgid(), ordered));
      }
    }
    return found;
  }

  /** The recorded group if /proc shows it is still the dyno's, else null. */
  static ProcessGroup verified(Entry e) {
    OptionalLong leaderStart = ProcInfo.startTicks(e.pgid());
    if (leaderStart.isPresent() && ProcInfo.group(e.pgid()) >= 0) {
      // the leader lives: it is ours only if it started when ours did
      return leaderStart.getAsLong() == e.startTicks() ? new ProcessGroup(e.pgid()) : null;
    }
    // the leader is gone; a group id is not handed out again while the group has members, but
    // this group may be a later one: only members carrying the dyno's marker count
    String entry = MARKER_VARIABLE + "=" + e.marker();
    return new ProcessGroup(e.pgid(), pid -> ProcInfo.hasEnv(pid, entry));
  }

  private static void setAside(Path f, Consumer<String> notice) {
    try {
      Path to = StateFiles.setAside(f, Instant.now());
      notice.accept("the pid file " + f + " could not be read; set aside as " + to.getFileName());
    } catch (IOException e) {
      notice.accept("the pid file " + f + " could not be read nor set aside: " + e.getMessage());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One file per process group, not per dyno name: a restarted {@code web.1} starts while the old
   * one still has its grace period, and both groups must be found if the daemon dies meanwhile.
   */
  private Path file(String app, String dyno, long pgid) {
    return dir.resolve(app + "." + dyno + "." + pgid + ".pid");
  }
}
