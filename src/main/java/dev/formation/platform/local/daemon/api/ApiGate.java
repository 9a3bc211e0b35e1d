package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.daemon.http.Admission;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * The API's checks of a request's head, made as soon as the head is read and before any of its body
 * is: the {@code Host} must be a loopback name and the bearer token must match (a log session's URL
 * carries its own credential). A refused request without a body gets its 403 or 401 as any answer,
 * and the connection may carry the next request. One with a body gets its answer with {@code
 * Connection: close}; reading stops, so the body stays in the kernel's buffers and is never read
 * into the daemon, the connection's budget is given back, and the connection closes a second later
 * (time for the client to read the answer before the close resets what it still sends).
 */
final class ApiGate extends ChannelInboundHandlerAdapter {
  private static final long LINGER_MS = 1000;

  private final ApiAuth auth;
  private final Admission.Guard guard;
  private boolean refusing;
  private boolean dropping;

  ApiGate(ApiAuth auth, Admission.Guard guard) {
    this.auth = auth;
    this.guard = guard;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refusing) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (dropping) {
      dropping = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest req && req.decoderResult().isSuccess()) {
      ApiError refused = refusal(req);
      if (refused != null) {
        refuse(ctx, req, refused);
        ReferenceCountUtil.release(msg);
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  private ApiError refusal(HttpRequest req) {
    ApiError refused = auth.hostRefusal(req.headers().get(HttpHeaderNames.HOST));
    if (refused != null) {
      return refused;
    }
    if (new QueryStringDecoder(req.uri()).path().startsWith(LogSessions.PREFIX)) {
      return null; // the session's unguessable id is its credential, as on Heroku's log URLs
    }
    return auth.tokenRefusal(req.headers().get(HttpHeaderNames.AUTHORIZATION));
  }

  private void refuse(ChannelHandlerContext ctx, HttpRequest req, ApiError refused) {
    FullHttpResponse res =
        ApiServer.error(refused, ApiServer.requestId(req.headers().get("Request-Id")), null);
    boolean body =
        HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
    if (!body) {
      // nothing to leave unread: the connection may carry the client's next request
      dropping = !(req instanceof LastHttpContent);
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      if (!keepAlive) {
        res.headers().set(HttpHeaderNames.CONNECTION, "close");
      }
      ctx.writeAndFlush(res)
          .addListener(
              f -> {
                if (!keepAlive) {
                  ctx.close();
                }
              });
      return;
    }
    refusing = true;
    ctx.channel().config().setAutoRead(false);
    guard.settle();
    res.headers().set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(res)
        .addListener(
            f -> {
              if (ctx.channel() instanceof SocketChannel s && s.isActive()) {
                s.shutdownOutput();
              }
              ctx.executor().schedule(() -> ctx.close(), LINGER_MS, TimeUnit.MILLISECONDS);
            });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    refusing = true;
    ctx.fireChannelInactive();
  }
}
