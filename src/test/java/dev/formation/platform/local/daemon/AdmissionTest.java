package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.http.HttpLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the API's admission limits alone, with limits small enough to count: connections in all,
 * connections per client address, and the bytes of unfinished requests.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdmissionTest {
  @TempDir Path home;
  LocalHarness h;
  final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (h != null) {
      h.close();
    }
  }

  @Test
  void connectionsPastThePerAddressLimit_areClosed_andAnotherAddressStillGetsIn() throws Exception {
    start(HttpLimits.DEFAULT.withAdmission(100, 4, 8L << 20));
    List<Socket> first = open("127.0.0.1", 6, "GET / HTTP/1.1\r\n");
    List<Socket> second = open("127.0.0.2", 3, "GET / HTTP/1.1\r\n");
    awaitRefused(2);
    assertThat(held(first)).isEqualTo(4);
    assertThat(held(second)).isEqualTo(3);
  }

  @Test
  void connectionsPastTheServersLimit_areClosed_whateverTheirAddress() throws Exception {
    start(HttpLimits.DEFAULT.withAdmission(5, 100, 8L << 20));
    List<Socket> all = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      all.addAll(open("127.0.0." + i, 2, "GET / HTTP/1.1\r\n"));
    }
    awaitRefused(3);
    assertThat(held(all)).isEqualTo(5);
  }

  @Test
  void headsPastTheBudget_areCutOff_andTheBudgetComesBackWhenTheyClose() throws Exception {
    start(HttpLimits.DEFAULT.withAdmission(100, 100, 64 * 1024));
    String head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "a".repeat(15_000);
    List<Socket> flood = open("127.0.0.1", 8, head);
    awaitRefused(4);
    // 4 × 15 KB fit in 64 KiB, a fifth does not
    assertThat(held(flood)).isEqualTo(4);
    assertThat(h.daemon.inFlightBytes()).isBetween(4 * 15_000L, 64 * 1024L);
    for (Socket s : flood) {
      s.close();
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (h.daemon.inFlightBytes() > 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(h.daemon.inFlightBytes()).isZero();
    assertThat(h.send("GET", "/local/status", null).statusCode()).isEqualTo(200);
  }

  @Test
  void answeredRequests_onAConnectionKeptOpen_holdNothingOfTheBudget() throws Exception {
    start(HttpLimits.DEFAULT.withAdmission(100, 100, 64 * 1024));
    String body = "{\"dir\": \"" + "x".repeat(40_000) + "\"}";
    for (int i = 0; i < 5; i++) {
      // 40 KB each: five of them would not fit the budget if answered ones were still charged
      assertThat(h.send("PUT", "/apps/demo", body).statusCode()).isEqualTo(422);
      assertThat(h.send("GET", "/local/status", null).statusCode()).isEqualTo(200);
    }
    assertThat(h.daemon.inFlightBytes()).isZero();
  }

  /** Waits until the daemon has refused {@code count} connections (it reads at its own pace). */
  private void awaitRefused(long count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (h.daemon.apiRefused() < count && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(h.daemon.apiRefused()).isEqualTo(count);
  }

  private void start(HttpLimits limits) throws IOException {
    h = new LocalHarness(home, 0, null, limits);
  }

  private List<Socket> open(String from, int count, String send) throws IOException {
    List<Socket> mine = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      sockets.add(s);
      s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), h.daemon.port()), 2000);
      try {
        s.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
      } catch (IOException closed) {
        // closed by the daemon already
      }
      mine.add(s);
    }
    return mine;
  }

  private static int held(List<Socket> sockets) {
    int held = 0;
    for (Socket s : sockets) {
      try {
        s.setSoTimeout(1);
        if (s.getInputStream().read() >= 0) {
          held++;
        }
      } catch (SocketTimeoutException stillOpen) {
        held++;
      } catch (IOException closed) {
        // closed by the daemon
      }
    }
    return held;
  }
}
