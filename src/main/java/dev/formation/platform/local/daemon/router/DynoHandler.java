package dev.formation.platform.local.daemon.router;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** The router's end of one connection to a dyno: hands what the dyno sends to its exchange. */
final class DynoHandler extends ChannelInboundHandlerAdapter {
  /** The exchange using the connection; null while it waits in the pool. */
  Exchange exchange;

  /** The heads of the dyno's answers on this connection, one at a time. */
  final HeadFields fields = new HeadFields();

  static DynoHandler of(Channel dyno) {
    return (DynoHandler) dyno.pipeline().get("dyno");
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Exchange ex = exchange;
    if (ex == null) {
      // a dyno talking on an idle connection: nothing sensible can follow
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    ex.fromDyno((ByteBuf) msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    Exchange ex = exchange;
    if (ex != null) {
      ex.flushToClient();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange ex = exchange;
    if (ex != null && ctx.channel().isWritable()) {
      ex.dynoWritable();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange ex = exchange;
    exchange = null;
    if (ex != null) {
      ex.dynoClosed();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
