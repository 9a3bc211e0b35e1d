package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.LocalClock;
import dev.formation.platform.local.daemon.RouterMinute;
import dev.formation.platform.local.daemon.http.Admission;
import dev.formation.platform.local.daemon.http.Deadlines;
import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.HttpLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One app's HTTP router on 127.0.0.1:{@code local.port}, on the daemon's Netty engine: round-robin
 * over the web dynos that are up, the next one on a refused connection, HTTP/1.1 keep-alive both to
 * clients and to dynos (a pool per dyno), bodies streamed both ways with back-pressure, WebSocket
 * and other upgrades tunnelled, the original {@code Host} kept and {@code
 * X-Forwarded-For/-Proto/-Port}, {@code X-Request-Id} and {@code X-Request-Start} added.
 */
public final class Router implements AutoCloseable {
  /** A web dyno that can take requests. */
  public record Backend(String dyno, int port) {}

  /**
   * How long a request waits for a starting web dyno when none is up yet, as Heroku's router queues
   * requests while an app boots (then {@code H20}).
   */
  public static final Duration BOOT_WAIT = Duration.ofSeconds(75);

  final String app;
  final Supplier<List<Backend>> backends;
  final BooleanSupplier booting;
  final Duration bootWait;
  final AppLog log;
  final RouterLog lines;
  final LocalClock clock;
  final HttpLimits limits;
  final Engine engine;
  final LatencyWindow latencies;
  final DynoPool pool;
  final AtomicInteger next = new AtomicInteger();
  private final List<Channel> servers;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final int port;
  private final Admission admission;

  /**
   * @param port the router port, or 0 for one the system picks ({@link #port()} tells which)
   * @param booting whether a web dyno is starting, so that a request may wait for it
   */
  public Router(
      String app,
      int port,
      Supplier<List<Backend>> backends,
      BooleanSupplier booting,
      Duration bootWait,
      AppLog log,
      Engine engine,
      LocalClock clock,
      HttpLimits limits)
      throws IOException {
    this.app = app;
    this.backends = backends;
    this.booting = booting;
    this.bootWait = bootWait;
    this.log = log;
    this.lines = new RouterLog(log);
    this.engine = engine;
    this.clock = clock;
    this.limits = limits;
    this.latencies = new LatencyWindow(clock);
    this.pool = new DynoPool(engine.clientChannels());
    // a router keeps at most PendingBody.MAX_PENDING of a body (plus one read) for its dyno
    this.admission =
        new Admission(
            limits, engine, Admission.headBytes(limits) + PendingBody.MAX_PENDING + 65536);
    this.servers =
        engine.listenPerLoop(
            port,
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                Admission.Guard guard = admission.admit(ch);
                if (guard == null) {
                  return;
                }
                connections.add(ch);
                Deadlines deadlines =
                    new Deadlines(limits, Deadlines::plainTimeout).onStop(guard::stop);
                // one handler reads the client's bytes, charges them and keeps the deadlines: no
                // HTTP codec, no message objects (a proxy passes most bytes on as they came)
                ch.pipeline().addLast("front", new RouterFront(Router.this, deadlines, guard));
              }
            });
    this.port = Engine.port(servers.get(0));
  }

  /** The 95th percentile of the response times over the last {@code window}, or -1 with none. */
  public long p95(Duration window) {
    return latencies.p95(window);
  }

  /** How many responses were timed over the last {@code window}. */
  public int requests(Duration window) {
    return latencies.count(window);
  }

  /** The minutes of the router's last hour, oldest first, the current one last. */
  public List<RouterMinute> lastHour() {
    return latencies.lastHour();
  }

  public int port() {
    return port;
  }

  /** Connections refused at accept or cut off for the daemon's budget, since the start. */
  public long refused() {
    return admission.refused();
  }

  /**
   * Stops listening, closes every client and dyno connection, and returns once their handlers are
   * done, so nothing writes to the app's log afterwards.
   */
  @Override
  public void close() {
    for (Channel server : servers) {
      server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    pool.close();
    // a handler already running on the event loop finishes before this task runs
    for (var loop : engine.group()) {
      loop.submit(() -> {}).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }
}
