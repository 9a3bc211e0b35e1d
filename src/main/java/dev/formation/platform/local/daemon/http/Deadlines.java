package dev.formation.platform.local.daemon.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
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
 * <p>Two handlers share the state: {@link #raw()} before the HTTP codec sees the first bytes of a
 * head, {@link #messages()} after it sees requests, bodies and the end of each response.
 */
public final class Deadlines {
  private enum State {
    IDLE,
    HEAD,
    BODY,
    BUSY
  }

  private final HttpLimits limits;
  private final Supplier<FullHttpResponse> timeoutAnswer;
  private State state = State.IDLE;
  private boolean responding;
  private ScheduledFuture<?> timer;
  private State armed;
  private long deadline;
  private Runnable onStop = () -> {};

  /**
   * @param timeoutAnswer what a client whose body stalled gets before the connection closes
   */
  public Deadlines(HttpLimits limits, Supplier<FullHttpResponse> timeoutAnswer) {
    this.limits = limits;
    this.timeoutAnswer = timeoutAnswer;
  }

  /** A plain-text 408, for routers. */
  public static FullHttpResponse plainTimeout() {
    ByteBuf body = Unpooled.copiedBuffer("Request timeout.\n", StandardCharsets.UTF_8);
    FullHttpResponse r =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT, body);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.CONNECTION, "close");
    return r;
  }

  public ChannelInboundHandlerAdapter raw() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        // a new connection must begin its request in time, as an idle one must
        arm(ctx, limits.headTimeout());
        ctx.fireChannelActive();
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.IDLE && msg instanceof ByteBuf b && b.isReadable()) {
          state = State.HEAD;
          arm(ctx, limits.headTimeout());
        } else if (state == State.BODY) {
          arm(ctx, limits.bodyIdleTimeout());
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        if (timer != null) {
          timer.cancel(false);
          timer = null;
        }
        ctx.fireChannelInactive();
      }
    };
  }

  public ChannelDuplexHandler messages() {
    return new ChannelDuplexHandler() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
          state = State.BODY;
          arm(ctx, limits.bodyIdleTimeout());
        }
        if (msg instanceof LastHttpContent) {
          state = State.BUSY;
          disarm();
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r && r.status().code() >= 200) {
          responding = true;
        }
        if (msg instanceof LastHttpContent && responding) {
          promise.addListener(
              f -> {
                responding = false;
                if (state == State.BUSY) {
                  state = State.IDLE;
                  arm(ctx, limits.keepAliveIdle());
                }
              });
        }
        ctx.write(msg, promise);
      }
    };
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
