package dev.formation.platform.local.daemon.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The timeouts of one server connection, so that a client that sends half a request, or a body a
 * byte a minute, holds nothing for long: a request head must be complete within {@link
 * HttpLimits#headTimeout()} of its first byte, a body may pause at most {@link
 * HttpLimits#bodyIdleTimeout()}, and an idle keep-alive connection is closed after {@link
 * HttpLimits#keepAliveIdle()}. While the server works on a request (or a router waits for its dyno)
 * no deadline runs.
 *
 * <p>On a connection with an HTTP codec (the API's) two handlers keep the state: {@link #raw()}
 * before the codec sees the first bytes of a head, {@link #messages()} after it sees requests,
 * bodies and the end of each response. A connection that reads HTTP itself (a router's) calls the
 * same events directly: {@link #active}, {@link #bytes}, {@link #requestHead}, {@link
 * #requestDone}, {@link #responding}, {@link #answered}, {@link #closed}.
 */
public final class Deadlines {
  private enum State {
    IDLE,
    HEAD,
    BODY,
    BUSY
  }

  private final HttpLimits limits;
  private final Supplier<?> timeoutAnswer;
  private State state = State.IDLE;
  private boolean responding;
  private ScheduledFuture<?> timer;
  private State armed;
  private long deadline;
  private Runnable onStop = () -> {};

  /**
   * @param timeoutAnswer what a client whose body stalled gets before the connection closes: a
   *     message the connection's pipeline writes (a response for an HTTP codec, bytes without one)
   */
  public Deadlines(HttpLimits limits, Supplier<?> timeoutAnswer) {
    this.limits = limits;
    this.timeoutAnswer = timeoutAnswer;
  }

  /** A plain-text 408 as bytes, for a connection without an HTTP codec (a router's). */
  public static ByteBuf plainTimeout() {
    return Unpooled.wrappedBuffer(
        ("HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 17\r\nConnection: close\r\n\r\nRequest timeout.\n")
            .getBytes(StandardCharsets.US_ASCII));
  }

  public ChannelInboundHandlerAdapter raw() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        active(ctx);
        ctx.fireChannelActive();
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b && b.isReadable()) {
          bytes(ctx);
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        closed();
        ctx.fireChannelInactive();
      }
    };
  }

  public ChannelDuplexHandler messages() {
    return new ChannelDuplexHandler() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
          requestHead(ctx);
        }
        if (msg instanceof LastHttpContent) {
          requestDone();
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r && r.status().code() >= 200) {
          responding();
        }
        if (msg instanceof LastHttpContent && responding) {
          promise.addListener(f -> answered(ctx));
        }
        ctx.write(msg, promise);
      }
    };
  }

  /** A new connection: it must begin its request in time, as an idle one must. */
  public void active(ChannelHandlerContext ctx) {
    arm(ctx, limits.headTimeout());
  }

  /** Bytes came: the first of a head starts its deadline; inside a body, the pause ends. */
  public void bytes(ChannelHandlerContext ctx) {
    if (state == State.IDLE) {
      state = State.HEAD;
      arm(ctx, limits.headTimeout());
    } else if (state == State.BODY) {
      arm(ctx, limits.bodyIdleTimeout());
    }
  }

  /** A request's head is in: its body may pause at most the body timeout. */
  public void requestHead(ChannelHandlerContext ctx) {
    state = State.BODY;
    arm(ctx, limits.bodyIdleTimeout());
  }

  /** The whole request is in: no deadline runs while it is answered. */
  public void requestDone() {
    state = State.BUSY;
    disarm();
  }

  /** A final answer's head was written: a stalled body now just closes the connection. */
  public void responding() {
    responding = true;
  }

  /** The end of an answer was written: the connection idles until its next request. */
  public void answered(ChannelHandlerContext ctx) {
    responding = false;
    if (state == State.BUSY) {
      state = State.IDLE;
      arm(ctx, limits.keepAliveIdle());
    }
  }

  /** The connection closed. */
  public void closed() {
    disarm();
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** What {@link #stop()} also does (the connection's {@link Admission.Guard} stops charging). */
  public Deadlines onStop(Runnable action) {
    this.onStop = action;
    return this;
  }

  /** Hands the connection over (a WebSocket tunnel has no requests left to time). */
  public void stop() {
    onStop.run();
    disarm();
    state = State.BUSY;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /**
   * Sets the deadline of the current state. One timer at a time is scheduled, and moved on when it
   * fires early: a request a millisecond long does not schedule and cancel three timers.
   */
  private void arm(ChannelHandlerContext ctx, Duration limit) {
    deadline = System.nanoTime() + limit.toNanos();
    armed = state;
    if (timer == null) {
      schedule(ctx, limit.toNanos());
    }
  }

  private void disarm() {
    armed = null;
  }

  private void schedule(ChannelHandlerContext ctx, long nanos) {
    timer = ctx.executor().schedule(() -> fire(ctx), nanos, TimeUnit.NANOSECONDS);
  }

  private void fire(ChannelHandlerContext ctx) {
    timer = null;
    if (armed == null || !ctx.channel().isActive()) {
      return;
    }
    long left = deadline - System.nanoTime();
    if (left > 0) {
      schedule(ctx, left);
    } else {
      expire(ctx, armed);
    }
  }

  private void expire(ChannelHandlerContext ctx, State armedIn) {
    if (state != armedIn || !ctx.channel().isActive()) {
      return;
    }
    if (state == State.BODY && !responding) {
      state = State.BUSY;
      // through the whole pipeline: the timer may have been armed before the codec
      ctx.channel().writeAndFlush(timeoutAnswer.get()).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.channel().close();
    }
  }
}
