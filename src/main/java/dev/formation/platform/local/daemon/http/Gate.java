package dev.formation.platform.local.daemon.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * One connection's {@link Admission.Guard} and {@link Deadlines} as two handlers instead of four:
 * {@link #raw()} before the HTTP codec, {@link #messages()} after it, each doing what the guard's
 * and the deadlines' own handlers do, in the same order. A server that makes a connection a second
 * (a router with a new connection per request) builds and runs fewer handlers per connection.
 */
public final class Gate {
  private final Admission.Guard guard;
  private final Deadlines deadlines;

  public Gate(Admission.Guard guard, Deadlines deadlines) {
    this.guard = guard;
    this.deadlines = deadlines;
  }

  /** Before the codec: the budget's charge, then the head and body deadlines. */
  public ChannelInboundHandlerAdapter raw() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        deadlines.active(ctx);
        ctx.fireChannelActive();
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (guard.charge(ctx, msg)) {
          deadlines.rawRead(ctx, msg);
          ctx.fireChannelRead(msg);
        }
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        guard.closed();
        deadlines.inactive();
        ctx.fireChannelInactive();
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Fatal.haltOnOutOfMemory(cause);
        ctx.fireExceptionCaught(cause);
      }
    };
  }

  /**
   * After the codec: requests and their ends move the deadlines; the end of an answer starts the
   * keep-alive deadline and gives its request's bytes back to the budget.
   */
  public ChannelDuplexHandler messages() {
    return new ChannelDuplexHandler() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        deadlines.messageRead(ctx, msg);
        ctx.fireChannelRead(msg);
      }

      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean last = msg instanceof LastHttpContent;
        deadlines.writing(ctx, msg, promise);
        ctx.write(msg, promise);
        if (last) {
          guard.settle();
        }
      }
    };
  }
}
