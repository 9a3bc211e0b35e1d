package dev.formation.platform.local.state;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who holds a TCP port on 127.0.0.1, so that a router port another program listens on is named
 * before anything is registered on it. Whether the port is taken is what a bind says (of a socket
 * that never listens, closed at once); who took it is what Linux's {@code /proc} says: the
 * listening socket's inode in {@code /proc/net/tcp} and {@code tcp6}, then the process with a
 * {@code socket:[inode]} among its {@code /proc/PID/fd} links. Another user's processes cannot be
 * looked into: then the holder is not known.
 */
public final class PortHolders {
  /** The longest program name shown. */
  private static final int MAX_NAME = 64;

  private PortHolders() {}

  /**
   * The process listening on a port.
   *
   * @param command its program's name ({@code python3}), printable, without its arguments
   */
  public record Holder(long pid, String command) {}

  /** Whether {@code 127.0.0.1:port} cannot be bound now: another socket holds it. */
  public static boolean taken(int port) {
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    try (Socket probe = new Socket()) {
      // a connection's TIME_WAIT does not count, a listening socket does (as for a server's bind)
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return false;
    } catch (BindException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The process listening on {@code port}, when {@code /proc} lets it be found. */
  public static Optional<Holder> holder(int port) {
    return holder(ProcInfo.PROC, port);
  }

  private static Set<String> inodes(Path proc, int port) {
    Set<String> inodes = new HashSet<>();
    listening(proc.resolve("net/tcp"), port, inodes);
    listening(proc.resolve("net/tcp6"), port, inodes);
    return inodes;
  }

  static Optional<Holder> holder(Path proc, int port) {
    Set<String> inodes = inodes(proc, port);
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path pid : pids) {
        if (holds(pid.resolve("fd"), inodes)) {
          long id = Long.parseLong(pid.getFileName().toString());
          return Optional.of(new Holder(id, command(pid)));
        }
      }
    } catch (IOException | RuntimeException e) {
      // /proc unreadable: the holder is not known
    }
    return Optional.empty();
  }

  /**
   * {@code another program (pid 4242: python3)}, or {@code another program} when it cannot be
   * found.
   */
  public static String describe(Optional<Holder> holder) {
    return holder
        .map(h -> "another program (pid " + h.pid() + ": " + h.command() + ")")
        .orElse("another program");
  }

  /** Adds the inode of each socket listening on {@code port} in one {@code /proc/net} table. */
  private static void listening(Path table, int port, Set<String> inodes) {
    List<String> lines;
    try {
      lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      return;
    }
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      String[] f = line.strip().split("\\s+");
      if (f.length < 10 || !"0A".equals(f[3])) {
        continue;
      }
      int colon = f[1].lastIndexOf(':');
      try {
        if (colon > 0 && Integer.parseInt(f[1].substring(colon + 1), 16) == port) {
          inodes.add(f[9]);
        }
      } catch (NumberFormatException e) {
        // not a table row
      }
    }
  }

  private static boolean holds(Path fds, Set<String> inodes) {
    try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
      for (Path fd : links) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")
              && inodes.contains(target.substring(8, target.length() - 1))) {
            return true;
          }
        } catch (IOException | RuntimeException gone) {
          // closed since the listing, or not ours to read
        }
      }
    } catch (IOException | RuntimeException e) {
      // another user's process, or gone
    }
    return false;
  }

  /**
   * The program's name: the file name of its first argument ({@code python3}, {@code java}), never
   * its other arguments, which may hold a secret ({@code --password=…}); {@code ps -p PID -o args}
   * shows them to whoever may see them.
   */
  private static String command(Path pid) {
    String line;
    try {
      line = new String(Files.readAllBytes(pid.resolve("cmdline")), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      line = "";
    }
    int nul = line.indexOf('\0');
    String first = nul < 0 ? line : line.substring(0, nul);
    String name = first.substring(first.lastIndexOf('/') + 1).strip();
    if (name.isEmpty()) {
      try {
        name = Files.readString(pid.resolve("comm"), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        return "program not known";
      }
    }
    StringBuilder shown = new StringBuilder();
    name.codePoints()
        .limit(MAX_NAME)
        .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return shown.isEmpty() ? "program not known" : shown.toString();
  }
}
