package dev.formation.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router benchmark's load generator, on Netty's HTTP client with one thread: {@code total} GETs
 * over {@code connections} connections, each sending its next request when the last one's whole
 * response is in, with keep-alive or a new connection per request. Bounded: a run that does not
 * finish in {@code 10 + total / 100} seconds fails.
 */
final class LoadRun implements AutoCloseable {
  /** One run's latencies (ns), errors, wall time, and the CPU time (ms) of each watched process. */
  record Result(long[] nanos, int errors, long wallNanos, long[] cpuMs) {
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

    /** CPU µs per answered request of the {@code i}th watched process, or -1 when unknown. */
    long cpuMicros(int i) {
      return cpuMs[i] < 0 || nanos.length == 0 ? -1 : cpuMs[i] * 1000 / nanos.length;
    }
  }

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(
          1, new DefaultThreadFactory("bench", true), NioIoHandler.newFactory());

  /** How long a request waits for its answer before its connection is closed (an error). */
  static final int ANSWER_WAIT_SECONDS = 10;

  /** Runs the load and measures the CPU time of {@code pids} (-1: none) over it. */
  Result load(URI target, int connections, boolean keepAlive, int total, long[] pids)
      throws InterruptedException {
    long[] nanos = new long[total];
    Counters n = new Counters(total, connections);
    long[] cpu0 = cpuMs(pids);
    long t0 = System.nanoTime();
    for (int i = 0; i < connections; i++) {
      new Client(target, keepAlive, nanos, n).next();
    }
    if (!n.finished.await(10 + total / 100, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "the run on " + target + " did not finish in time: " + n.done.get() + " done");
    }
    if (n.unanswered.get() > 0) {
      System.err.printf(
          "%s: %d request(s) unanswered after %d s, their connections closed (counted as errors)%n",
          target, n.unanswered.get(), ANSWER_WAIT_SECONDS);
    }
    long wall = System.nanoTime() - t0;
    long[] cpu = cpuMs(pids);
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] = cpu[i] < 0 || cpu0[i] < 0 ? -1 : cpu[i] - cpu0[i];
    }
    return new Result(
        Arrays.copyOf(nanos, Math.min(n.done.get(), total)), n.errors.get(), wall, cpu);
  }

  @Override
  public void close() throws InterruptedException {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  /** CPU time (user + system, from {@code /proc/PID/stat}) of each process, in ms; -1 unknown. */
  private static long[] cpuMs(long[] pids) {
    long[] out = new long[pids.length];
    for (int i = 0; i < out.length; i++) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pids[i] + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux)
        out[i] = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
      } catch (java.io.IOException | RuntimeException e) {
        out[i] = -1;
      }
    }
    return out;
  }

  /** What the connections of one run share. */
  private static final class Counters {
    final int total;
    final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    final CountDownLatch finished;

    Counters(int total, int connections) {
      this.total = total;
      this.finished = new CountDownLatch(connections);
    }
  }

  /** One connection slot: sends a request, waits for the whole response, sends the next. */
  @ChannelHandler.Sharable
  private final class Client extends SimpleChannelInboundHandler<HttpObject> {
    private final URI target;
    private final boolean keepAlive;
    private final long[] nanos;
    private final Counters n;
    private Channel channel;
    private long sent;
    private boolean ok;
    private boolean answered;
    private int generation;

    Client(URI target, boolean keepAlive, long[] nanos, Counters n) {
      this.target = target;
      this.keepAlive = keepAlive;
      this.nanos = nanos;
      this.n = n;
    }

    void next() {
      if (n.issued.getAndIncrement() >= n.total) {
        if (channel != null) {
          channel.close();
        }
        n.finished.countDown();
        return;
      }
      sent = System.nanoTime();
      answered = false;
      ok = false;
      int g = ++generation;
      group.schedule(
          () -> {
            Channel c = channel;
            if (g == generation && !answered && c != null) {
              n.unanswered.incrementAndGet();
              c.close();
            }
          },
          ANSWER_WAIT_SECONDS,
          TimeUnit.SECONDS);
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
                  channel = ((ChannelFuture) f).channel();
                  channel.writeAndFlush(request());
                } else {
                  channel = null;
                  n.errors.incrementAndGet();
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
        int i = n.done.getAndIncrement();
        if (i < nanos.length) {
          nanos[i] = System.nanoTime() - sent;
        }
      } else {
        n.errors.incrementAndGet();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (ctx.channel() == channel && !answered) {
        // closed before the answer was complete
        channel = null;
        n.errors.incrementAndGet();
        next();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
