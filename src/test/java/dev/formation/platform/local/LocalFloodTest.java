package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LocalSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header flood of issue 22 against a daemon started as {@code local start} starts it (its own
 * JVM, {@code -Xmx96m}): connections that each send a 15 KB request head, under the 16 KiB limit,
 * and stall. The daemon must stay alive, refuse what is past its limits, and answer the API and a
 * router within a second of the attacker leaving.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalFloodTest {
  /** Per server (the API, and the router), from four loopback addresses: 4,000 in all. */
  static final int PER_SERVER = 2000;

  static final int HEAD_BYTES = 15_000;

  /** The daemon's budget of unfinished request bytes. */
  static final long BUDGET = 8L << 20;

  @TempDir Path home;
  LocalSettings settings;
  LocalClient client;
  DaemonInfo daemon;
  final List<Socket> attack = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.toString());
    env.remove("FORMATION_LOCAL_PORT");
    settings = LocalSettings.fromEnv(env);
    client = new LocalClient(settings.tokenFile());
    daemon =
        new DaemonLauncher(settings, "dev.formation.Main", client, n -> {}, Sleeper.THREAD)
            .start(0);
  }

  @AfterEach
  void stop() throws Exception {
    closeAll();
    try {
      client.shutdown(daemon);
    } catch (IOException gone) {
      // checked by the test itself
    }
    ProcessHandle.of(daemon.pid())
        .ifPresent(
            p -> {
              try {
                p.onExit().get(15, TimeUnit.SECONDS);
              } catch (Exception e) {
                p.destroyForcibly();
              }
            });
    client.close();
  }

  @Test
  void stalledFifteenKilobyteHeads_areBounded_andTheApiAndRouterAnswerSoonAfter() throws Exception {
    Path app = Files.createDirectories(home.resolve("app"));
    Files.writeString(app.resolve("Procfile"), "web: sleep 1000\n");
    client.register(daemon, "demo", app, 0);
    int router = client.registered(daemon, "demo").orElseThrow().port();
    long before = System.nanoTime();
    assertThat(status(daemon.port())).startsWith("http/1.1 200");
    long baselineMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);

    List<Socket> toApi = flood(daemon.port());
    List<Socket> toRouter = flood(router);
    // the daemon reads what was sent and closes what is past its limits, at its own pace; counted
    // together, well within the 10 s head deadline of the first
    int apiHeld = held(toApi);
    int routerHeld = held(toRouter);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((long) (apiHeld + routerHeld) * HEAD_BYTES > BUDGET && System.nanoTime() < end) {
      Thread.sleep(100);
      apiHeld = held(toApi);
      routerHeld = held(toRouter);
    }
    ProcessHandle process = ProcessHandle.of(daemon.pid()).orElseThrow();
    long rssKb = rssKb(daemon.pid());
    System.out.printf(
        "flood: %d connections to each server; held API %d, router %d; refused %d; daemon"
            + " VmRSS %d kB%n",
        PER_SERVER, apiHeld, routerHeld, 2 * PER_SERVER - apiHeld - routerHeld, rssKb);

    assertThat(process.isAlive()).isTrue();
    // at most 512 per server, and all of them together at most the 8 MiB budget of heads
    assertThat(apiHeld).isBetween(1, 512);
    assertThat(routerHeld).isBetween(1, 512);
    assertThat((long) (apiHeld + routerHeld) * HEAD_BYTES).isLessThanOrEqualTo(BUDGET);

    closeAll();
    long left = System.nanoTime();
    assertThat(status(daemon.port())).startsWith("http/1.1 200");
    long apiMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - left);
    long routerStart = System.nanoTime();
    // no web dyno up: the router's own answer (503, H14) is what shows it answers
    assertThat(get(router, "/", null)).startsWith("http/1.1 503");
    long routerMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - routerStart);
    System.out.printf(
        "after the attacker left: API %d ms (%d ms before the attack), router %d ms%n",
        apiMs, baselineMs, routerMs);
    // measured 149-854 ms with the machine at a load average of 9-15 (docs/reliability.md); the
    // bound leaves room for a CI machine running the other test fork on the same two cores
    assertThat(apiMs).isLessThan(ANSWER_MS);
    assertThat(routerMs).isLessThan(ANSWER_MS);
    assertThat(process.isAlive()).isTrue();
    assertThat(Files.readString(settings.daemonLog())).doesNotContain("OutOfMemoryError");
  }

  @Test
  void aTokenlessPutOfOneMebibyte_gets401BeforeItsBodyIsSent_andTheConnectionCloses()
      throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), daemon.port()), 2000);
      s.setSoTimeout(3000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("PUT /apps/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1048576\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // not one byte of the body sent: the answer cannot have waited for it
      String answer = readAnswer(s.getInputStream());
      assertThat(answer).startsWith("http/1.1 401").contains("connection: close");
      assertThat(answer).contains("\"id\":\"unauthorized\"");
      // and the daemon closes the connection rather than read the body
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    // a whole 1 MiB body sent at once gets its 401 too
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), daemon.port()), 2000);
      s.setSoTimeout(3000);
      Thread writer =
          new Thread(
              () -> {
                try {
                  OutputStream out = s.getOutputStream();
                  out.write(
                      ("PUT /apps/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048576"
                              + "\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(new byte[1 << 20]);
                  out.flush();
                } catch (IOException reset) {
                  // the daemon closed the connection without reading all of it
                }
              });
      writer.start();
      assertThat(readAnswer(s.getInputStream())).startsWith("http/1.1 401");
      writer.join(5000);
    }
    assertThat(status(daemon.port())).startsWith("http/1.1 200");
  }

  /**
   * Opens {@link #PER_SERVER} connections to {@code port}, from 127.0.0.1 to 127.0.0.4, each
   * sending a 15 KB head that never ends; returns those whose head could be written.
   */
  private List<Socket> flood(int port) throws IOException {
    byte[] head = stalledHead();
    List<Socket> mine = new ArrayList<>();
    for (int i = 0; i < PER_SERVER; i++) {
      Socket s = new Socket();
      attack.add(s);
      try {
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (1 + i % 4)), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        s.getOutputStream().write(head);
        mine.add(s);
      } catch (IOException refused) {
        // closed by the server before the head was written
      }
    }
    return mine;
  }

  /** How many of {@code sockets} the daemon still holds open. */
  private static int held(List<Socket> sockets) {
    int held = 0;
    for (Socket s : sockets) {
      if (open(s)) {
        held++;
      }
    }
    return held;
  }

  private static boolean open(Socket s) {
    try {
      s.setSoTimeout(1);
      return s.getInputStream().read() >= 0;
    } catch (SocketTimeoutException stillOpen) {
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  private static byte[] stalledHead() {
    StringBuilder b = new StringBuilder("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; b.length() < HEAD_BYTES; i++) {
      b.append("X-Pad-").append(i).append(": ").append("a".repeat(90)).append("\r\n");
    }
    return b.substring(0, HEAD_BYTES).getBytes(StandardCharsets.US_ASCII);
  }

  private void closeAll() {
    for (Socket s : attack) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closed already
      }
    }
    attack.clear();
  }

  private String status(int port) throws IOException {
    return get(port, "/local/status", Files.readString(settings.tokenFile()).strip());
  }

  /** How long an answer may take to start once the attacker has gone. */
  private static final int ANSWER_MS = 3000;

  /** A request on a new connection, whose answer must start within {@link #ANSWER_MS}. */
  private static String get(int port, String path, String token) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ANSWER_MS);
      s.setSoTimeout(ANSWER_MS);
      String auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
      s.getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      + "Accept: application/vnd.heroku+json; version=3\r\n"
                      + auth
                      + "\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return readAnswer(s.getInputStream());
    }
  }

  /** The status line and headers of an answer, lower-cased, and the start of its body. */
  private static String readAnswer(InputStream in) throws IOException {
    byte[] buf = new byte[4096];
    int n = 0;
    while (n < buf.length) {
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
      String so = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
      int end = so.indexOf("\r\n\r\n");
      if (end >= 0 && so.length() > end + 4) {
        break;
      }
    }
    String text = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    return end < 0 ? text : text.substring(0, end).toLowerCase() + text.substring(end);
  }

  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
