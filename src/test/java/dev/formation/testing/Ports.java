package dev.formation.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for tests that hand a port number to another process (a daemon, a router, a config
 * file) which binds it later.
 *
 * <p>A port the system picked ({@code new ServerSocket(0)}) and the test then closed lies in the
 * kernel's ephemeral range, where any outgoing connection on the machine (the CLI talking to its
 * daemon, a parallel test fork) can take it as its source port before the daemon binds it. These
 * ports come from below (or above) that range instead, at random, each checked free and never
 * handed out twice by one JVM, so only another process choosing the same number the same way can
 * race for it.
 */
public final class Ports {
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
  private static final int LOWEST = 10_000;

  private Ports() {}

  /** A loopback port nothing listens on now, outside the ephemeral range. */
  public static int free() {
    int[] range = ephemeralRange();
    boolean below = range[0] - LOWEST >= 2_000;
    int from = below ? LOWEST : range[1] + 1;
    int to = below ? range[0] - 1 : 65_535;
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(from, to + 1);
      if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port in " + from + "–" + to);
  }

  private static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int[] ephemeralRange() {
    try {
      String[] parts =
          Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (IOException | RuntimeException e) {
      return new int[] {32_768, 60_999};
    }
  }
}
