package dev.formation.platform.local.daemon.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one server lets unauthenticated clients hold: at most {@link HttpLimits#maxConnections()}
 * connections, {@link HttpLimits#maxPerAddress()} of them from one address (more are closed as soon
 * as they are accepted), and, with every other server of the daemon, {@link
 * HttpLimits#inFlightBudget()} bytes of requests read but not yet answered: a request's head and
 * body are charged from their first byte until the end of its answer is written (or the connection
 * is handed over to a tunnel, or closes), at most {@code maxCharge} per connection: what the server
 * itself can hold of one request (the API aggregates a body of up to 1 MiB; a router keeps at most
 * 256 KiB for a dyno and streams the rest with back-pressure). A read past the budget closes its
 * connection. So thousands of clients sending 15 KB heads and stalling cost a few megabytes, not
 * the heap.
 */
public final class Admission {
  /** What a request head may take: its line and its headers, as {@link HttpLimits} bound them. */
  public static long headBytes(HttpLimits limits) {
    return (long) limits.maxInitialLine() + limits.maxHeaderSize();
  }

  private final long maxCharge;
  private final HttpLimits limits;
  private final AtomicLong inFlight;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress =
      new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  /**
   * @param engine whose budget this server shares with the daemon's other servers
   * @param maxCharge the most one connection is charged: what the server holds of one request
   */
  public Admission(HttpLimits limits, Engine engine, long maxCharge) {
    this.limits = limits;
    this.maxCharge = maxCharge;
    this.inFlight = engine.inFlight();
  }

  /** Connections closed at accept or cut off for the budget, since the server started. */
  public long refused() {
    return refused.get();
  }

  /**
   * A new connection's share, or null when it is one too many: it is then closed at once, before
   * any handler is made for it (a flood's refused connections cost the event loop little, so the
   * ones queued behind them are accepted soon). Its two handlers: {@link Guard#raw()} first, {@link
   * Guard#messages()} after the codec; a connection that reads HTTP itself calls {@link
   * Guard#charge} and {@link Guard#settle} instead. Either way its share is given back when it
   * closes.
   */
  public Guard admit(Channel ch) {
    InetAddress a = ((InetSocketAddress) ch.remoteAddress()).getAddress();
    if (!enter(a)) {
      refused.incrementAndGet();
      ch.close();
      return null;
    }
    Guard guard = new Guard(a);
    // given back when the socket closes, not when the pipeline hears of it: that news is a task of
    // the event loop, and io_uring runs a busy loop's tasks tens of milliseconds late
    ch.closeFuture().addListener(f -> guard.closed());
    return guard;
  }

  private boolean enter(InetAddress address) {
    if (open.incrementAndGet() > limits.maxConnections()) {
      open.decrementAndGet();
      return false;
    }
    AtomicInteger n = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
    if (n.incrementAndGet() > limits.maxPerAddress()) {
      leave(address);
      return false;
    }
    return true;
  }

  private void leave(InetAddress address) {
    open.decrementAndGet();
    perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  /** One connection's share. */
  public final class Guard {
    private InetAddress address;
    private long held;
    private boolean stopped;

    private Guard(InetAddress address) {
      this.address = address;
    }

    public ChannelInboundHandlerAdapter raw() {
      return new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
          if (msg instanceof ByteBuf b && !charge(b.readableBytes())) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
          }
          ctx.fireChannelRead(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
          Fatal.haltOnOutOfMemory(cause);
          ctx.fireExceptionCaught(cause);
        }
      };
    }

    /** After the codec: the end of an answer gives its request's bytes back to the budget. */
    public ChannelDuplexHandler messages() {
      return new ChannelDuplexHandler() {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
          boolean last = msg instanceof LastHttpContent;
          ctx.write(msg, promise);
          if (last) {
            settle();
          }
        }
      };
    }

    /**
     * Charges {@code bytes} just read; false when they pass the daemon's budget: the connection
     * must then be closed without reading them.
     */
    public boolean charge(int bytes) {
      if (stopped || held >= maxCharge) {
        return true;
      }
      long n = Math.min(bytes, maxCharge - held);
      if (inFlight.addAndGet(n) > limits.inFlightBudget()) {
        inFlight.addAndGet(-n);
        refused.incrementAndGet();
        return false;
      }
      held += n;
      return true;
    }

    /** The connection closed: its charge and its place are given back. */
    private void closed() {
      settle();
      if (address != null) {
        leave(address);
        address = null;
      }
    }

    /** Hands the connection over (a tunnel): what it was charged is given back, no more charged. */
    public void stop() {
      stopped = true;
      settle();
    }

    /** Gives back what the connection was charged (a request refused, handed on or over). */
    public void settle() {
      if (held > 0) {
        inFlight.addAndGet(-held);
        held = 0;
      }
    }
  }
}
