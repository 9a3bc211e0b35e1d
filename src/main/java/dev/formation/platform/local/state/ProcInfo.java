package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What Linux's {@code /proc} says of a process: its group, its start time, its environment. */
public final class ProcInfo {
  static final Path PROC = Path.of("/proc");

  private ProcInfo() {}

  /** The fields of {@code /proc/PID/stat} after the command name, or null when it is gone. */
  private static String[] stat(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(pid + "/stat"));
      // the command (field 2) may hold spaces and parentheses: the fields follow the last ')'
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The process group, or -1 when the process is gone or a zombie (finished, not yet reaped). */
  public static long group(long pid) {
    String[] f = stat(pid);
    if (f == null || f.length < 3 || "Z".equals(f[0])) {
      return -1;
    }
    try {
      return Long.parseLong(f[2]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * When the process started, in clock ticks since boot ({@code /proc/PID/stat} field 22): with the
   * boot id, what tells a process from a later one that was given the same pid.
   */
  public static OptionalLong startTicks(long pid) {
    String[] f = stat(pid);
    if (f == null || f.length < 20) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(f[19]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** This boot of the machine; pids and start times mean nothing across a reboot. */
  public static String bootId() {
    try {
      return Files.readString(PROC.resolve("sys/kernel/random/boot_id")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** Whether the process's environment holds {@code NAME=value}. */
  public static boolean hasEnv(long pid, String entry) {
    try {
      byte[] env = Files.readAllBytes(PROC.resolve(pid + "/environ"));
      for (String e : new String(env, StandardCharsets.UTF_8).split("\0")) {
        if (e.equals(entry)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean available() {
    return Files.isDirectory(PROC.resolve("self"));
  }
}
