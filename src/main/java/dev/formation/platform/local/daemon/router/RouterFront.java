package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.http.Deadlines;
import dev.formation.platform.local.daemon.http.Fatal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The router's handler of one client connection: one {@link Exchange} (request to a dyno, its
 * response back) at a time; requests a client pipelines wait their turn.
 */
final class RouterFront extends ChannelInboundHandlerAdapter {
  /** Messages of pipelined requests kept before reading stops. */
  private static final int MAX_QUEUED = 16;

  private final Router router;
  private final Deadlines deadlines;
  private final ArrayDeque<Object> queued = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private Exchange current;
  private String client;

  RouterFront(Router router, Deadlines deadlines) {
    this.router = router;
    this.deadlines = deadlines;
  }

  Deadlines deadlines() {
    return deadlines;
  }

  /** The client's address, for {@code X-Forwarded-For}: formatted once per connection. */
  String client() {
    if (client == null) {
      client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
    }
    return client;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (current != null && current.requestDone() || !queued.isEmpty()) {
      // a pipelined request waits its turn; past a few, reading stops until this one is answered
      queued.add(msg);
      if (queued.size() > MAX_QUEUED) {
        ctx.channel().config().setAutoRead(false);
      }
      return;
    }
    handle(msg);
  }

  private void handle(Object msg) {
    if (msg instanceof HttpRequest req) {
      if (req.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        plain(HttpResponseStatus.BAD_REQUEST, "Bad request.\n");
        return;
      }
      current = new Exchange(this, router, ctx, req);
      current.dispatch();
    }
    if (msg instanceof HttpContent c) {
      if (current == null) {
        c.release();
      } else {
        current.body(c);
      }
    } else if (!(msg instanceof HttpRequest)) {
      ReferenceCountUtil.release(msg);
    }
  }

  /** Takes the next pipelined request, if any, once an exchange is over. */
  void resume() {
    current = null;
    while (!queued.isEmpty() && (current == null || !current.requestDone())) {
      handle(queued.poll());
    }
    if (current == null || current.dyno() != null && !current.requestDone()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && current != null && current.dyno() != null) {
      current.dyno().config().setAutoRead(true);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null) {
      current.clientGone();
    }
    queued.forEach(ReferenceCountUtil::release);
    queued.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Fatal.haltOnOutOfMemory(cause);
    ctx.close();
  }

  /** A plain-text answer of the router's own; the connection closes after it. */
  void plain(HttpResponseStatus status, String text) {
    ByteBuf body = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
  }
}
