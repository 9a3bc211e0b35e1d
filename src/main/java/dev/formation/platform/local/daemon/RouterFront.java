package dev.formation.platform.local.daemon;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The router's handler of one client connection: one exchange (request to a dyno, its response
 * back) at a time; requests a client pipelines wait their turn.
 */
final class RouterFront extends ChannelInboundHandlerAdapter {
  /** Headers of one hop only (RFC 9110 7.6.1), never passed on. */
  private static final Set<String> HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "upgrade");

  /** The longest a response head waits for the first part of its body before it is sent. */
  static final long HEAD_FLUSH_DELAY_MICROS = 1000;

  /** Messages of pipelined requests kept before reading stops. */
  private static final int MAX_QUEUED = 16;

  /** Body bytes kept while no dyno is connected yet, before reading stops. */
  private static final int MAX_PENDING = 256 * 1024;

  private static final java.util.regex.Pattern PLAUSIBLE_ID =
      java.util.regex.Pattern.compile("[-\\w.+=/]{20,200}");

  private final Router router;
  private final Deadlines deadlines;
  private final ArrayDeque<Object> queued = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private Exchange current;

  RouterFront(Router router, Deadlines deadlines) {
    this.router = router;
    this.deadlines = deadlines;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (current != null && current.requestDone || !queued.isEmpty()) {
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
      current = new Exchange(req);
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
  private void resume() {
    current = null;
    while (!queued.isEmpty() && (current == null || !current.requestDone)) {
      handle(queued.poll());
    }
    if (current == null || current.dyno != null && !current.requestDone) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && current != null && current.dyno != null) {
      current.dyno.config().setAutoRead(true);
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
    ctx.close();
  }

  /** A plain-text answer of the router's own; the connection closes after it. */
  private void plain(HttpResponseStatus status, String text) {
    ByteBuf body = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
  }

  /** One request and its response. */
  final class Exchange {
    private final HttpRequest req;
    private final boolean upgrade;
    private final String id;
    private final long t0 = router.clock.nanoTime();
    private final long bootDeadline = t0 + router.bootWait.toNanos();
    private final long startMillis = router.clock.now().toEpochMilli();
    private final List<HttpContent> pending = new ArrayList<>();
    private long pendingBytes;
    private boolean clientKeepAlive;
    boolean requestDone;
    Channel dyno;
    private Router.Backend backend;
    private List<Router.Backend> candidates;
    private int first;
    private int tried;
    private boolean reused;
    private boolean bodySent;
    private boolean responseStarted;
    private boolean informational;
    private boolean dynoReusable;
    private boolean over;
    private int lastStatus;
    private boolean headOnly;
    private boolean flushScheduled;

    Exchange(HttpRequest req) {
      this.req = req;
      this.clientKeepAlive = HttpUtil.isKeepAlive(req);
      this.upgrade =
          req.headers().contains(HttpHeaderNames.UPGRADE)
              && req.headers()
                  .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
      String given = req.headers().get("X-Request-Id");
      this.id = given != null && PLAUSIBLE_ID.matcher(given).matches() ? given : RequestIds.next();
      if (HttpUtil.is100ContinueExpected(req)) {
        // answered here: the dyno then never sends a 100 of its own
        ctx.writeAndFlush(
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        req.headers().remove(HttpHeaderNames.EXPECT);
      }
    }

    void dispatch() {
      if (over) {
        return;
      }
      List<Router.Backend> up = router.backends.get();
      if (up.isEmpty()) {
        boolean booting = router.booting.getAsBoolean();
        if (booting && router.clock.nanoTime() < bootDeadline) {
          ctx.executor().schedule(this::dispatch, 50, TimeUnit.MILLISECONDS);
          return;
        }
        if (booting) {
          error(
              "at=error code=H20 desc=\"App boot timeout\"",
              null,
              "No web dyno of "
                  + router.app
                  + " came up within "
                  + router.bootWait.toSeconds()
                  + " s; see `formation local logs "
                  + router.app
                  + "`.\n");
        } else {
          noWebDyno();
        }
        return;
      }
      candidates = up;
      first = Math.floorMod(router.next.getAndIncrement(), up.size());
      tried = 0;
      tryNext();
    }

    private void noWebDyno() {
      error(
          "at=error code=H14 desc=\"No web processes running\"",
          null,
          "No web dyno of "
              + router.app
              + " is up. Scale web above 0 (formation apply, or"
              + " `heroku ps:scale web=1 -a "
              + router.app
              + "`) and wait for it to boot.\n");
    }

    private void tryNext() {
      if (over) {
        return;
      }
      if (tried >= candidates.size()) {
        noWebDyno();
        return;
      }
      Router.Backend b = candidates.get((first + tried++) % candidates.size());
      Channel pooled = upgrade ? null : router.pool.take(ctx.channel().eventLoop(), b.port());
      if (pooled != null) {
        attach(pooled, b, true);
      } else {
        connect(b, false);
      }
    }

    private void connect(Router.Backend b, boolean retry) {
      DynoHandler h = new DynoHandler();
      router
          .pool
          .connect(ctx.channel().eventLoop(), b.port(), h)
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  attach(((io.netty.channel.ChannelFuture) f).channel(), b, false);
                } else if (over) {
                  return;
                } else if (f.cause() instanceof ConnectException && !retry) {
                  tryNext();
                } else {
                  dynoFailed(b, Wire.describe(f.cause()));
                }
              });
    }

    private void attach(Channel ch, Router.Backend b, boolean fromPool) {
      if (over) {
        router.pool.give(ctx.channel().eventLoop(), b.port(), ch);
        return;
      }
      dyno = ch;
      backend = b;
      reused = fromPool;
      ((DynoHandler) ch.pipeline().get("dyno")).exchange = this;
      ch.write(head());
      boolean lastWritten = false;
      for (HttpContent c : pending) {
        bodySent |= c.content().isReadable();
        lastWritten |= c instanceof LastHttpContent;
        ch.write(c);
      }
      pending.clear();
      if (requestDone && !lastWritten) {
        // a retry on a fresh connection: the end of the (empty) body was sent to the old one
        ch.write(LastHttpContent.EMPTY_LAST_CONTENT);
      }
      pendingBytes = 0;
      ch.flush();
      if (!requestDone && !ctx.channel().config().isAutoRead()) {
        // reading stopped while the body had nowhere to go
        ctx.channel().config().setAutoRead(true);
      }
    }

    /** The request as the dyno gets it: hop headers out, the router's own in, Host kept. */
    private HttpRequest head() {
      HttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, req.method(), req.uri());
      HttpHeaders h = out.headers();
      Set<String> listed = connectionTokens(req.headers());
      req.headers()
          .forEach(
              e -> {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (!HOP.contains(k)
                    && !listed.contains(k)
                    && !k.equals("x-request-id")
                    && !k.equals("x-request-start")
                    && !k.startsWith("x-forwarded-")) {
                  h.add(e.getKey(), e.getValue());
                }
              });
      if (!req.protocolVersion().isKeepAliveDefault() && !h.contains(HttpHeaderNames.HOST)) {
        h.set(HttpHeaderNames.HOST, "127.0.0.1:" + router.port());
      }
      String client =
          ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
      String fwd = req.headers().get("X-Forwarded-For");
      h.set("X-Request-Id", id)
          .set("X-Request-Start", String.valueOf(startMillis))
          .set("X-Forwarded-For", fwd == null || fwd.isBlank() ? client : fwd + ", " + client)
          .set("X-Forwarded-Proto", "http")
          .set("X-Forwarded-Port", String.valueOf(router.port()));
      if (upgrade) {
        h.set(HttpHeaderNames.UPGRADE, req.headers().get(HttpHeaderNames.UPGRADE))
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      }
      return out;
    }

    void body(HttpContent c) {
      if (c instanceof LastHttpContent) {
        requestDone = true;
      }
      if (over) {
        c.release();
      } else if (dyno == null) {
        pending.add(c);
        pendingBytes += c.content().readableBytes();
        if (pendingBytes > MAX_PENDING) {
          // a large body while the dyno boots: it waits in the socket, not in memory
          ctx.channel().config().setAutoRead(false);
        }
      } else {
        bodySent |= c.content().isReadable();
        dyno.writeAndFlush(c);
        if (!dyno.isWritable()) {
          ctx.channel().config().setAutoRead(false);
        }
      }
    }

    void dynoWritable() {
      if (!requestDone && !over) {
        ctx.channel().config().setAutoRead(true);
      }
    }

    void fromDyno(Object msg) {
      if (over) {
        ReferenceCountUtil.release(msg);
        return;
      }
      if (msg instanceof HttpResponse res) {
        if (res.decoderResult().isFailure()) {
          ReferenceCountUtil.release(msg);
          dyno.close();
          return;
        }
        int status = res.status().code();
        if (status == 101 && upgrade) {
          tunnel(res);
          return;
        }
        informational = status < 200;
        if (!informational) {
          lastStatus = status;
        }
        ctx.write(forClient(res));
        responseStarted |= !informational;
        headOnly = !informational;
      }
      if (msg instanceof HttpContent c) {
        headOnly = false;
        ctx.write(c);
        if (c instanceof LastHttpContent) {
          if (informational) {
            informational = false;
          } else {
            finish();
          }
        } else if (!ctx.channel().isWritable()) {
          dyno.config().setAutoRead(false);
        }
      }
    }

    private HttpResponse forClient(HttpResponse res) {
      HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, res.status());
      Set<String> listed = connectionTokens(res.headers());
      res.headers()
          .forEach(
              e -> {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (!HOP.contains(k) && !listed.contains(k)) {
                  out.headers().add(e.getKey(), e.getValue());
                }
              });
      if (res.status().code() < 200) {
        return out;
      }
      dynoReusable = HttpUtil.isKeepAlive(res);
      boolean framed =
          HttpUtil.isContentLengthSet(res)
              || HttpUtil.isTransferEncodingChunked(res)
              || req.method().equals(HttpMethod.HEAD)
              || res.status().code() == 204
              || res.status().code() == 304;
      if (!framed) {
        // the body ends when the dyno closes: chunk it for a 1.1 client, else close after it
        dynoReusable = false;
        if (req.protocolVersion().isKeepAliveDefault()) {
          HttpUtil.setTransferEncodingChunked(out, true);
        } else {
          clientKeepAlive = false;
        }
      }
      if (!requestDone) {
        // the dyno answered before the body was in: the rest of it cannot be told apart
        clientKeepAlive = false;
      }
      HttpUtil.setKeepAlive(out.headers(), req.protocolVersion(), clientKeepAlive);
      return out;
    }

    /**
     * Flushes what the dyno sent at the end of each of its reads; a head whose body has not come
     * yet waits up to {@link #HEAD_FLUSH_DELAY_MICROS}: a server that writes head and body apart
     * (the JDK's does) would otherwise cost the client a packet and a wake-up more per response.
     */
    void flushToClient() {
      if (!headOnly) {
        ctx.flush();
      } else if (!flushScheduled) {
        flushScheduled = true;
        ctx.executor()
            .schedule(
                () -> {
                  flushScheduled = false;
                  ctx.flush();
                },
                HEAD_FLUSH_DELAY_MICROS,
                TimeUnit.MICROSECONDS);
      }
    }

    private void finish() {
      over = true;
      long ms = (router.clock.nanoTime() - t0) / 1_000_000;
      router.latencies.record(ms);
      router.log.line(
          "heroku[router]",
          "at=info method="
              + req.method()
              + " path=\""
              + req.uri()
              + "\" request_id="
              + id
              + " dyno="
              + backend.dyno()
              + " service="
              + ms
              + "ms status="
              + lastStatus);
      Channel d = dyno;
      ((DynoHandler) d.pipeline().get("dyno")).exchange = null;
      dyno = null;
      if (dynoReusable && requestDone) {
        router.pool.give(d.eventLoop(), backend.port(), d);
      } else {
        d.close();
      }
      ctx.flush();
      if (!clientKeepAlive) {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      } else {
        resume();
      }
    }

    /** The dyno switched protocols: from now on bytes pass both ways untouched. */
    private void tunnel(HttpResponse res) {
      over = true;
      lastStatus = 101;
      HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, res.status());
      out.headers().set(res.headers());
      out.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
      out.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
      ReferenceCountUtil.release(res);
      Channel client = ctx.channel();
      Channel d = dyno;
      client.write(out);
      // HttpServerCodec would end the 101 with a zero-length chunk; the tunnel ends it instead
      deadlines.stop();
      client.pipeline().remove("deadlines");
      client.pipeline().remove("deadlines-raw");
      client.pipeline().addLast("tunnel", new Tunnel(d));
      client.pipeline().remove(RouterFront.this);
      client.pipeline().remove("codec");
      client.flush();
      d.pipeline().addLast("tunnel", new Tunnel(client));
      d.pipeline().remove("dyno");
      d.pipeline().remove("codec");
      client.config().setAutoRead(true);
      d.config().setAutoRead(true);
      router.log.line(
          "heroku[router]",
          "at=info method="
              + req.method()
              + " path=\""
              + req.uri()
              + "\" request_id="
              + id
              + " dyno="
              + backend.dyno()
              + " status=101 protocol="
              + out.headers().get(HttpHeaderNames.UPGRADE));
    }

    /** The dyno's connection closed. */
    void dynoClosed() {
      if (over) {
        return;
      }
      Channel old = dyno;
      dyno = null;
      if (!responseStarted && reused && !bodySent) {
        // an idle kept connection the dyno had just closed: once more on a fresh one
        connect(backend, true);
      } else if (!responseStarted) {
        dynoFailed(backend, "connection closed without response");
      } else {
        // cut off in the middle of its answer: the client cannot be given the rest
        over = true;
        router.log.line(
            "heroku[router]",
            "at=error code=H13 desc=\"Connection closed without response\" dyno="
                + backend.dyno()
                + " request_id="
                + id);
        ctx.close();
      }
      if (old != null) {
        old.close();
      }
    }

    private void dynoFailed(Router.Backend b, String why) {
      error(
          "at=error code=H13 desc=\"Request to dyno failed\"",
          b,
          "The dyno " + b.dyno() + " of " + router.app + " failed to answer.\n");
      router.log.line("heroku[router]", "dyno=" + b.dyno() + " request_id=" + id + " " + why);
    }

    private void error(String code, Router.Backend b, String text) {
      over = true;
      router.log.line(
          "heroku[router]",
          code
              + " method="
              + req.method()
              + " path=\""
              + req.uri()
              + "\""
              + (b == null ? "" : " dyno=" + b.dyno())
              + " request_id="
              + id);
      pending.forEach(ReferenceCountUtil::release);
      pending.clear();
      plain(HttpResponseStatus.SERVICE_UNAVAILABLE, text);
    }

    void clientGone() {
      if (!over) {
        over = true;
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
      }
      if (dyno != null) {
        Channel d = dyno;
        dyno = null;
        ((DynoHandler) d.pipeline().get("dyno")).exchange = null;
        d.close();
      }
    }
  }

  /** The header names a {@code Connection} header lists, which are of this hop only too. */
  private static Set<String> connectionTokens(HttpHeaders headers) {
    List<String> values = headers.getAll(HttpHeaderNames.CONNECTION);
    if (values.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new java.util.HashSet<>();
    for (String v : values) {
      for (String t : v.split(",")) {
        names.add(t.trim().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
