package dev.formation.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator on Netty's HTTP client: the same requests to a dyno's own port (direct) and to
 * its app's router, side by side, one request at a time and at 50 and 200 connections, each with a
 * new connection per request and with keep-alive. Prints a Markdown table: median and p99 latency,
 * requests per second, errors, and the router's share of the direct figures.
 *
 * <p>Usage: {@code RouterBenchmark DIRECT_URL ROUTED_URL [REQUESTS_PER_RUN=10000]
 * [SEQUENTIAL=2000]}. Bounded: every run stops after its requests, and a request that takes over 10
 * s counts as an error. Loopback only: the URLs must be {@code http://127.0.0.1:PORT/...}.
 */
public final class RouterBenchmark {
  /** CPU time of the processes watched ({@code -Dbench.pids=daemon:PID,dyno:PID}), in ms. */
  private static long[] cpuMs(List<Long> pids) {
    long[] out = new long[pids.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        String stat =
            java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pids.get(i) + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux)
        out[i] = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
      } catch (java.io.IOException | RuntimeException e) {
        out[i] = -1;
      }
    }
    return out;
  }

  private static final List<String> WATCHED_NAMES = new java.util.ArrayList<>();
  private static final List<Long> WATCHED = new java.util.ArrayList<>();

  static {
    String spec = System.getProperty("bench.pids", "");
    for (String part : spec.split(",")) {
      String[] kv = part.split(":");
      if (kv.length == 2) {
        WATCHED_NAMES.add(kv[0]);
        WATCHED.add(Long.parseLong(kv[1]));
      }
    }
    WATCHED_NAMES.add("bench");
    WATCHED.add(ProcessHandle.current().pid());
  }

  private record Result(long[] nanos, int errors, long wallNanos, long[] cpuMs) {
    String cpuPerRequest() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < cpuMs.length; i++) {
        b.append(i == 0 ? "" : ", ")
            .append(WATCHED_NAMES.get(i))
            .append(' ')
            .append(nanos.length == 0 ? 0 : cpuMs[i] * 1000 / nanos.length);
      }
      return b.toString();
    }

    long percentile(double p) {
      if (nanos.length == 0) {
        return 0;
      }
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    double perSecond() {
      return nanos.length / (wallNanos / 1e9);
    }
  }

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(
          1, new DefaultThreadFactory("bench", true), NioIoHandler.newFactory());

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RouterBenchmark DIRECT_URL ROUTED_URL [REQUESTS] [SEQUENTIAL]");
      System.exit(1);
    }
    URI direct = loopback(args[0]);
    URI routed = loopback(args[1]);
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int sequential = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    RouterBenchmark b = new RouterBenchmark();
    try {
      b.run(direct, routed, requests, sequential);
    } finally {
      b.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  private static URI loopback(String url) {
    URI u = URI.create(url);
    if (!"http".equals(u.getScheme()) || !"127.0.0.1".equals(u.getHost()) || u.getPort() < 1) {
      throw new IllegalArgumentException("not an http://127.0.0.1:PORT/ URL: " + url);
    }
    return u;
  }

  private void run(URI direct, URI routed, int requests, int sequential) throws Exception {
    String only = System.getProperty("bench.only");
    if (only != null) {
      // for a profiler: one kind of load on one target, nothing else (e.g. routed:50:keep-alive)
      String[] f = only.split(":");
      Result r =
          load(
              f[0].equals("routed") ? routed : direct,
              Integer.parseInt(f[1]),
              f[2].equals("keep-alive"),
              requests);
      row(only, f[0], r, "");
      return;
    }
    // warm both paths before anything counts: the daemon's C2 compiler alone took about 7 s of
    // CPU over the first 90,000 routed requests, which a short warm-up charged to the router
    load(direct, 20, true, 5000);
    load(routed, 50, true, 40000);
    load(routed, 50, false, 5000);
    load(direct, 50, false, 3000);
    System.out.println(
        "| scenario | target | requests | p50 ms | p99 ms | req/s | errors | router/direct |"
            + " CPU µs per request |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
    long routedTotal = 0;
    int routedErrors = 0;
    for (boolean keepAlive : new boolean[] {true, false}) {
      String mode = keepAlive ? "keep-alive" : "new connection";
      Result d = load(direct, 1, keepAlive, sequential);
      Result r = load(routed, 1, keepAlive, sequential);
      print("1 at a time, " + mode, d, r, true);
      routedTotal += r.nanos().length;
      routedErrors += r.errors();
    }
    for (int connections : new int[] {50, 200}) {
      for (boolean keepAlive : new boolean[] {false, true}) {
        String mode = connections + " concurrent, " + (keepAlive ? "keep-alive" : "new connection");
        Result d = load(direct, connections, keepAlive, requests);
        Result r = load(routed, connections, keepAlive, requests);
        print(mode, d, r, false);
        routedTotal += r.nanos().length;
        routedErrors += r.errors();
      }
    }
    System.out.println();
    System.out.println(
        (ROUTED_NAME.equals("router") ? "Through the router: " : "Through " + ROUTED_NAME + ": ")
            + routedTotal
            + " requests answered, "
            + routedErrors
            + " errors.");
  }

  private static void print(String scenario, Result d, Result r, boolean latency) {
    row(scenario, "direct", d, "");
    String share =
        latency
            ? String.format(
                Locale.ROOT, "+%.3f ms median", (r.percentile(0.5) - d.percentile(0.5)) / 1e6)
            : String.format(
                Locale.ROOT, "%.0f %% of direct req/s", 100 * r.perSecond() / d.perSecond());
    row(scenario, ROUTED_NAME, r, share);
  }

  /** What the routed URL is, in the target column: the router, or a reference proxy. */
  private static final String ROUTED_NAME = System.getProperty("bench.routed.name", "router");

  private static void row(String scenario, String target, Result r, String share) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %.3f | %.3f | %.0f | %d | %s | %s |%n",
        scenario,
        target,
        r.nanos().length,
        r.percentile(0.5) / 1e6,
        r.percentile(0.99) / 1e6,
        r.perSecond(),
        r.errors(),
        share,
        r.cpuPerRequest());
  }

  /** {@code total} GETs over {@code connections} connections, each sending one after another. */
  private Result load(URI target, int connections, boolean keepAlive, int total)
      throws InterruptedException {
    long[] nanos = new long[total];
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(connections);
    long[] cpu0 = cpuMs(WATCHED);
    long t0 = System.nanoTime();
    for (int i = 0; i < connections; i++) {
      new Client(target, keepAlive, total, nanos, issued, done, errors, finished).next();
    }
    if (!finished.await(10 + total / 100, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the run did not finish in time: " + done.get() + " done");
    }
    long wall = System.nanoTime() - t0;
    long[] cpu = cpuMs(WATCHED);
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] -= cpu0[i];
    }
    return new Result(Arrays.copyOf(nanos, Math.min(done.get(), total)), errors.get(), wall, cpu);
  }

  /** One connection slot: sends a request, waits for the whole response, sends the next. */
  @io.netty.channel.ChannelHandler.Sharable
  private final class Client extends SimpleChannelInboundHandler<HttpObject> {
    private final URI target;
    private final boolean keepAlive;
    private final int total;
    private final long[] nanos;
    private final AtomicInteger issued;
    private final AtomicInteger done;
    private final AtomicInteger errors;
    private final CountDownLatch finished;
    private Channel channel;
    private long sent;
    private boolean ok;
    private boolean answered;

    Client(
        URI target,
        boolean keepAlive,
        int total,
        long[] nanos,
        AtomicInteger issued,
        AtomicInteger done,
        AtomicInteger errors,
        CountDownLatch finished) {
      this.target = target;
      this.keepAlive = keepAlive;
      this.total = total;
      this.nanos = nanos;
      this.issued = issued;
      this.done = done;
      this.errors = errors;
      this.finished = finished;
    }

    void next() {
      if (issued.getAndIncrement() >= total) {
        if (channel != null) {
          channel.close();
        }
        finished.countDown();
        return;
      }
      sent = System.nanoTime();
      answered = false;
      ok = false;
      if (channel != null && channel.isActive()) {
        channel.writeAndFlush(request());
        return;
      }
      new Bootstrap()
          .group(group)
          .channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
          .handler(
              new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                  ch.pipeline().addLast(new HttpClientCodec()).addLast(Client.this);
                }
              })
          .connect(target.getHost(), target.getPort())
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  channel = ((io.netty.channel.ChannelFuture) f).channel();
                  channel.writeAndFlush(request());
                } else {
                  channel = null;
                  errors.incrementAndGet();
                  next();
                }
              });
    }

    private FullHttpRequest request() {
      String path = target.getRawPath().isEmpty() ? "/" : target.getRawPath();
      FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
      r.headers().set(HttpHeaderNames.HOST, target.getHost() + ":" + target.getPort());
      if (!keepAlive) {
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      }
      return r;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpResponse res) {
        ok = res.status().code() == 200;
      }
      if (msg instanceof LastHttpContent) {
        answered = true;
        record();
        if (!keepAlive) {
          Channel c = channel;
          channel = null;
          c.close().addListener(f -> next());
        } else {
          next();
        }
      }
    }

    private void record() {
      if (ok) {
        int i = done.getAndIncrement();
        if (i < nanos.length) {
          nanos[i] = System.nanoTime() - sent;
        }
      } else {
        errors.incrementAndGet();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (ctx.channel() == channel && !answered) {
        // closed before the answer was complete
        channel = null;
        errors.incrementAndGet();
        next();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private RouterBenchmark() {}
}
