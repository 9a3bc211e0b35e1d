package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.http.Deadlines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
   * 101}: the answer goes to the client, with what the dyno sent after it, and what the client sent
   * after its request goes to the dyno; then the router's handlers leave both pipelines.
   *
   * @param head the {@code 101} as the client gets it
   * @param fromDyno bytes the dyno sent past its answer's head, or null
   * @param fromClient bytes the client sent past its request's head, or null
   * @param front the router's handler on the client connection, which leaves
   */
  static void splice(
      Channel client,
      Channel dyno,
      ByteBuf head,
      ByteBuf fromDyno,
      ByteBuf fromClient,
      Deadlines deadlines,
      ChannelHandler front) {
    deadlines.stop();
    client.write(head);
    if (fromDyno != null) {
      client.write(fromDyno);
    }
    client.pipeline().addLast("tunnel", new Tunnel(dyno));
    client.pipeline().remove(front);
    client.flush();
    if (fromClient != null) {
      dyno.write(fromClient);
    }
    dyno.pipeline().addLast("tunnel", new Tunnel(client));
    dyno.pipeline().remove("dyno");
    dyno.flush();
    client.config().setAutoRead(true);
    dyno.config().setAutoRead(true);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b) {
      peer.write(b);
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
