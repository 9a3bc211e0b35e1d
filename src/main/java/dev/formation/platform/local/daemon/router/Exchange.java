package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.http.Failures;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One request through the router and its response: it waits for a web dyno while one boots, tries
 * the up ones round-robin, streams the body both ways, and ends in a logged answer, a tunnel after
 * a {@code 101}, or one of the router's own errors. Runs on its client connection's event loop.
 */
final class Exchange {
  /** The longest a response head waits for the first part of its body before it is sent. */
  static final long HEAD_FLUSH_DELAY_MICROS = 1000;

  private final RouterFront front;
  private final Router router;
  private final ChannelHandlerContext ctx;
  private final ProxiedRequest request;
  private final long bootDeadline;
  private final PendingBody pending = new PendingBody();
  private final ResponseState response = new ResponseState();
  private boolean clientKeepAlive;
  private boolean requestDone;
  private boolean bodySent;
  private boolean over;
  private Candidates candidates;
  private Channel dyno;
  private Router.Backend backend;
  private boolean reused;

  /** What the dyno's answer has shown so far. */
  private static final class ResponseState {
    boolean started;
    boolean informational;
    boolean dynoReusable;
    int lastStatus;
    boolean headOnly;
    boolean flushScheduled;
  }

  Exchange(RouterFront front, Router router, ChannelHandlerContext ctx, HttpRequest req) {
    this.front = front;
    this.router = router;
    this.ctx = ctx;
    this.request = ProxiedRequest.of(req, router.clock);
    this.bootDeadline = request.t0() + router.bootWait.toNanos();
    this.clientKeepAlive = HttpUtil.isKeepAlive(req);
    if (HttpUtil.is100ContinueExpected(req)) {
      // answered here: the dyno then never sends a 100 of its own
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      req.headers().remove(HttpHeaderNames.EXPECT);
    }
  }

  /** Whether the whole request (its body's end included) has been read. */
  boolean requestDone() {
    return requestDone;
  }

  /** The dyno connection in use, or null while there is none. */
  Channel dyno() {
    return dyno;
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
      } else if (booting) {
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
    candidates = new Candidates(up, router.next.getAndIncrement());
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
    Router.Backend b = candidates.next();
    if (b == null) {
      noWebDyno();
      return;
    }
    Channel pooled =
        request.upgrade() ? null : router.pool.take(ctx.channel().eventLoop(), b.port());
    if (pooled != null) {
      attach(pooled, b, true);
    } else {
      connect(b, false);
    }
  }

  private void connect(Router.Backend b, boolean retry) {
    router
        .pool
        .connect(ctx.channel().eventLoop(), b.port(), new DynoHandler())
        .addListener(
            f -> {
              if (f.isSuccess()) {
                attach(((ChannelFuture) f).channel(), b, false);
              } else if (over) {
                return;
              } else if (f.cause() instanceof ConnectException && !retry) {
                tryNext();
              } else {
                dynoFailed(b, Failures.describe(f.cause()));
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
    handlerOf(ch).exchange = this;
    // no future is wanted of a write to the dyno: a failure closes its connection, which
    // dynoClosed() handles (a void promise saves an object and its notification per write)
    ch.write(ProxyHeaders.toDyno(request, front.client(), router.port()), ch.voidPromise());
    PendingBody.Written written = pending.writeTo(ch);
    bodySent |= written.bodySent();
    if (requestDone && !written.lastWritten()) {
      // a retry on a fresh connection: the end of the (empty) body was sent to the old one
      ch.write(LastHttpContent.EMPTY_LAST_CONTENT, ch.voidPromise());
    }
    ch.flush();
    if (!requestDone && !ctx.channel().config().isAutoRead()) {
      // reading stopped while the body had nowhere to go
      ctx.channel().config().setAutoRead(true);
    }
  }

  void body(HttpContent c) {
    if (c instanceof LastHttpContent) {
      requestDone = true;
    }
    if (over) {
      c.release();
    } else if (dyno == null) {
      if (pending.add(c)) {
        // a large body while the dyno boots: it waits in the socket, not in memory
        ctx.channel().config().setAutoRead(false);
      }
    } else {
      bodySent |= c.content().isReadable();
      dyno.writeAndFlush(c, dyno.voidPromise());
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
      if (status == 101 && request.upgrade()) {
        tunnel(res);
        return;
      }
      response.informational = status < 200;
      if (response.informational) {
        ctx.write(ProxyHeaders.informational(res), ctx.voidPromise());
      } else {
        response.lastStatus = status;
        ProxyHeaders.ClientHead head =
            ProxyHeaders.toClient(res, request.req(), requestDone, clientKeepAlive);
        response.dynoReusable = head.dynoReusable();
        clientKeepAlive = head.clientKeepAlive();
        ctx.write(head.head(), ctx.voidPromise());
      }
      response.started |= !response.informational;
      response.headOnly = !response.informational;
    }
    if (msg instanceof HttpContent c) {
      response.headOnly = false;
      // the end of a response gets a promise: the connection's deadlines listen for it
      ctx.write(c, c instanceof LastHttpContent ? ctx.newPromise() : ctx.voidPromise());
      if (c instanceof LastHttpContent) {
        if (response.informational) {
          response.informational = false;
        } else {
          finish();
        }
      } else if (!ctx.channel().isWritable()) {
        dyno.config().setAutoRead(false);
      }
    }
  }

  /**
   * Flushes what the dyno sent at the end of each of its reads; a head whose body has not come yet
   * waits up to {@link #HEAD_FLUSH_DELAY_MICROS}: a server that writes head and body apart (the
   * JDK's does) would otherwise cost the client a packet and a wake-up more per response.
   */
  void flushToClient() {
    if (!response.headOnly) {
      ctx.flush();
    } else if (!response.flushScheduled) {
      response.flushScheduled = true;
      ctx.executor()
          .schedule(
              () -> {
                response.flushScheduled = false;
                ctx.flush();
              },
              HEAD_FLUSH_DELAY_MICROS,
              TimeUnit.MICROSECONDS);
    }
  }

  private void finish() {
    over = true;
    long ms = (router.clock.nanoTime() - request.t0()) / 1_000_000;
    router.latencies.record(ms, response.lastStatus);
    router.lines.served(request, backend.dyno(), ms, response.lastStatus);
    Channel d = dyno;
    handlerOf(d).exchange = null;
    dyno = null;
    if (response.dynoReusable && requestDone) {
      router.pool.give(d.eventLoop(), backend.port(), d);
    } else {
      d.close();
    }
    ctx.flush();
    if (!clientKeepAlive) {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else {
      front.resume();
    }
  }

  /** The dyno switched protocols: from now on bytes pass both ways untouched. */
  private void tunnel(HttpResponse res) {
    over = true;
    response.lastStatus = 101;
    String protocol = Tunnel.splice(ctx.channel(), dyno, res, front.deadlines(), front);
    router.lines.upgraded(request, backend.dyno(), protocol);
  }

  /** The dyno's connection closed. */
  void dynoClosed() {
    if (over) {
      return;
    }
    Channel old = dyno;
    dyno = null;
    if (!response.started && reused && !bodySent) {
      // an idle kept connection the dyno had just closed: once more on a fresh one
      connect(backend, true);
    } else if (!response.started) {
      dynoFailed(backend, "connection closed without response");
    } else {
      // cut off in the middle of its answer: the client cannot be given the rest
      over = true;
      router.lines.cutOff(request, backend.dyno());
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
    router.lines.why(request, b.dyno(), why);
  }

  private void error(String code, Router.Backend b, String text) {
    over = true;
    router.lines.failed(code, request, b == null ? null : b.dyno());
    pending.release();
    front.plain(HttpResponseStatus.SERVICE_UNAVAILABLE, text);
  }

  void clientGone() {
    if (!over) {
      over = true;
      pending.release();
    }
    if (dyno != null) {
      Channel d = dyno;
      dyno = null;
      handlerOf(d).exchange = null;
      d.close();
    }
  }

  private static DynoHandler handlerOf(Channel dyno) {
    return (DynoHandler) dyno.pipeline().get("dyno");
  }
}
