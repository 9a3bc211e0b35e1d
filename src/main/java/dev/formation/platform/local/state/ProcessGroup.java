package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * The processes of one dyno: the process group its {@code setsid} leader created, found by scanning
 * {@code /proc}, or the leader's descendants where there is no {@code setsid}.
 */
public final class ProcessGroup {
  public static final boolean SETSID =
      Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));

  private final long pgid;
  private final ProcessHandle leader;
  private final LongPredicate member;

  public ProcessGroup(ProcessHandle leader) {
    this.pgid = leader.pid();
    this.leader = leader;
    this.member = pid -> true;
  }

  /** A group known only by its id, such as one left behind by a daemon that was killed. */
  public ProcessGroup(long pgid) {
    this(pgid, pid -> true);
  }

  /** The processes of group {@code pgid} that {@code member} accepts. */
  public ProcessGroup(long pgid, LongPredicate member) {
    this.pgid = pgid;
    this.leader = ProcessHandle.of(pgid).orElse(null);
    this.member = member;
  }

  public long id() {
    return pgid;
  }

  /** Every live process of the dyno, the leader included while it lives. */
  public List<ProcessHandle> members() {
    List<ProcessHandle> found = new ArrayList<>();
    if (SETSID && ProcInfo.available()) {
      try (Stream<Path> dirs = Files.list(ProcInfo.PROC)) {
        for (Path d : dirs.toList()) {
          String name = d.getFileName().toString();
          if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          long pid = Long.parseLong(name);
          if (ProcInfo.group(pid) == pgid && member.test(pid)) {
            ProcessHandle.of(pid).ifPresent(found::add);
          }
        }
      } catch (IOException e) {
        // /proc vanished under us: fall back to the process tree
      }
      return found;
    }
    if (leader != null && leader.isAlive()) {
      found.add(leader);
      leader.descendants().forEach(found::add);
    }
    return found;
  }

  /** Sends SIGTERM ({@code force} false) or SIGKILL to every member. */
  public void signal(boolean force) {
    for (ProcessHandle h : members()) {
      if (force) {
        h.destroyForcibly();
      } else {
        h.destroy();
      }
    }
  }

  /** Resident memory of all members in bytes, from {@code VmRSS} in {@code /proc/PID/status}. */
  public long rssBytes() {
    long total = 0;
    for (ProcessHandle h : members()) {
      try {
        for (String line : Files.readAllLines(ProcInfo.PROC.resolve(h.pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
          }
        }
      } catch (IOException | NumberFormatException e) {
        // the process ended between listing and reading
      }
    }
    return total;
  }
}
