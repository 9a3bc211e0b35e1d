package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.ManualClock;
import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.HttpLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the router's black-box conformance tests share: a router with one {@link ScriptedDyno}
 * behind it, reached through its public constructor only, and raw clients of it. The tests hold for
 * any router that takes HTTP/1.1 on its port, whatever it is built on.
 */
@Timeout(30)
abstract class ConformanceRig {
  /** Short enough that a stuck exchange ends a test in seconds, long enough for a loaded CI. */
  static final HttpLimits LIMITS =
      HttpLimits.DEFAULT.withTimeouts(
          Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(30));

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();
  final List<RawClient> clients = new ArrayList<>();
  Engine engine;
  ScriptedDyno dyno;
  Router router;
  Path log;

  @BeforeEach
  void startRouter() throws IOException {
    engine = new Engine(2);
    dyno = new ScriptedDyno();
    log = dir.resolve("demo.log");
    List<Router.Backend> one = List.of(new Router.Backend("web.1", dyno.port()));
    router =
        new Router(
            "demo",
            0,
            () -> one,
            () -> false,
            Duration.ofSeconds(5),
            new AppLog(log, 1 << 20, clock),
            engine,
            clock,
            LIMITS);
  }

  @AfterEach
  void stopRouter() throws IOException {
    for (RawClient c : clients) {
      c.close();
    }
    router.close();
    engine.close();
    dyno.close();
  }

  /** A new connection to the router, closed after the test. */
  RawClient client() throws IOException {
    RawClient c = new RawClient(router.port());
    clients.add(c);
    return c;
  }

  /** Waits (up to 5 s) for the app's log to hold {@code text}: the router writes it lazily. */
  void awaitLog(String text) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!(Files.exists(log) && Files.readString(log).contains(text))) {
      assertThat(System.nanoTime()).as("'%s' in the app's log", text).isLessThan(end);
      Thread.sleep(20);
    }
  }
}
