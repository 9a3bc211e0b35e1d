package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.http.Deadlines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * One direction of an upgraded connection (a WebSocket, say) after the dyno answered {@code 101}:
 * bytes go through as they come, with back-pressure, until either side closes.
 */
final class Tunnel extends ChannelInboundHandlerAdapter {
  private final Channel peer;

  Tunnel(Channel peer) {
    this.peer = peer;
  }

  /**
   * Turns a client connection and its dyno connection into a tunnel once the dyno answered {@code
   * 101}: the answer goes to the client, then the HTTP handlers leave both pipelines. Returns the
   * protocol switched to.
   *
   * @param front the router's handler on the client connection, which leaves too
   */
  static String splice(
      Channel client, Channel dyno, HttpResponse res, Deadlines deadlines, ChannelHandler front) {
    HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, res.status());
    out.headers().set(res.headers());
    out.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
    out.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    ReferenceCountUtil.release(res);
    client.write(out);
    // HttpServerCodec would end the 101 with a zero-length chunk; the tunnel ends it instead
    deadlines.stop();
    client.pipeline().remove("deadlines");
    client.pipeline().remove("deadlines-raw");
    client.pipeline().addLast("tunnel", new Tunnel(dyno));
    client.pipeline().remove(front);
    client.pipeline().remove("codec");
    client.flush();
    dyno.pipeline().addLast("tunnel", new Tunnel(client));
    dyno.pipeline().remove("dyno");
    dyno.pipeline().remove("codec");
    client.config().setAutoRead(true);
    dyno.config().setAutoRead(true);
    return out.headers().get(HttpHeaderNames.UPGRADE);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b) {
      peer.write(b);
    } else if (msg instanceof HttpContent c) {
      // what the HTTP codec had already read past the 101 answer
      peer.write(c.content());
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    peer.flush();
    if (!peer.isWritable()) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      peer.config().setAutoRead(true);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
