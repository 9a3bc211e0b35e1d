package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.Failures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.Future;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One request through the router and its response: it waits for a web dyno while one boots, tries
 * the up ones round-robin, streams the body both ways as bytes, and ends in a logged answer, a
 * tunnel after a {@code 101}, or one of the router's own errors. Runs on its client connection's
 * event loop.
 */
final class Exchange {
  /** The longest a response head waits for the first part of its body before it is sent. */
  static final long HEAD_FLUSH_DELAY_MICROS = 1000;

  /** The most a dyno's answer head may take: its status line and fields. */
  private static final int MAX_RESPONSE_HEAD = 8192 + 65536;

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final RouterFront front;
  private final Router router;
  private final ChannelHandlerContext ctx;
  private final RequestHead request;
  private final long bootDeadline;
  private final PendingBody pending = new PendingBody();
  private boolean clientKeepAlive;
  private boolean requestDone;
  private boolean bodySent;
  private boolean over;
  private Candidates candidates;
  private Channel dyno;
  private Router.Backend backend;
  private boolean reused;

  /** What the dyno's answer has shown so far. */
  private ByteBuf in;

  private final HeadSearch search = new HeadSearch();

  private ResponseHead response;
  private long left;
  private ChunkedFraming chunks;
  private boolean headOnly;
  private boolean flushScheduled;

  Exchange(RouterFront front, Router router, ChannelHandlerContext ctx, RequestHead request) {
    this.front = front;
    this.router = router;
    this.ctx = ctx;
    this.request = request;
    this.bootDeadline = request.t0 + router.bootWait.toNanos();
    this.clientKeepAlive = request.keepAlive;
    if (request.expectContinue) {
      // answered here: the dyno never sees the Expect, so it sends no 100 of its own
      ctx.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE), ctx.voidPromise());
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
    Channel pooled = request.upgrade ? null : router.pool.take(ctx.channel().eventLoop(), b.port());
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
    DynoHandler.of(ch).exchange = this;
    // no future is wanted of a write to the dyno: a failure closes its connection, which
    // dynoClosed() handles (a void promise saves an object and its notification per write)
    ch.write(request.toDyno(), ch.voidPromise());
    bodySent |= pending.writeTo(ch);
    ch.flush();
    if (!requestDone && !ctx.channel().config().isAutoRead()) {
      // reading stopped while the body had nowhere to go
      ctx.channel().config().setAutoRead(true);
    }
  }

  /** Body bytes of the request (null for none), and whether they end it; the exchange owns them. */
  void body(ByteBuf part, boolean last) {
    if (last) {
      requestDone = true;
    }
    if (over) {
      if (part != null) {
        part.release();
      }
    } else if (dyno == null) {
      if (part != null && pending.add(part)) {
        // a large body while the dyno boots: it waits in the socket, not in memory
        ctx.channel().config().setAutoRead(false);
      }
    } else if (part != null) {
      bodySent = true;
      dyno.writeAndFlush(part, dyno.voidPromise());
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

  /** Bytes of the dyno's answer. */
  void fromDyno(ByteBuf read) {
    if (over) {
      read.release();
      return;
    }
    in = Buffers.append(in, read, ctx.alloc());
    try {
      while (!over && in != null && in.isReadable()) {
        if (response == null) {
          if (!readHead()) {
            break;
          }
        } else {
          bodyFromDyno();
        }
      }
    } catch (BadMessage e) {
      badAnswer(e.getMessage());
      return;
    }
    if (!over && !ctx.channel().isWritable() && dyno != null) {
      dyno.config().setAutoRead(false);
    }
    if (in != null && !in.isReadable()) {
      in = Buffers.release(in);
      search.reset();
    }
  }

  private boolean readHead() throws BadMessage {
    int end = search.end(in);
    if (end < 0) {
      if (in.readableBytes() > MAX_RESPONSE_HEAD) {
        throw new BadMessage("answer head too large");
      }
      return false;
    }
    int length = end - in.readerIndex();
    HeadFields f = DynoHandler.of(dyno).fields;
    f.read(in, in.readerIndex(), length, 8192, 502, 65536);
    ResponseHead r = ResponseHead.read(f, request);
    in.skipBytes(length);
    if (r.status == 101) {
      if (!request.upgrade) {
        throw new BadMessage("101 to a request that asked for no upgrade");
      }
      tunnel(f);
      return false;
    }
    headOnly = true;
    if (r.status < 200) {
      ctx.write(r.toClient(f, ctx.alloc(), request, clientKeepAlive), ctx.voidPromise());
      return true;
    }
    response = r;
    clientKeepAlive = r.clientKeepAlive(request, requestDone, clientKeepAlive);
    front.deadlines().responding();
    ctx.write(r.toClient(f, ctx.alloc(), request, clientKeepAlive), ctx.voidPromise());
    switch (r.body) {
      case NONE -> finish();
      case LENGTH -> {
        left = r.contentLength;
        if (left == 0) {
          finish();
        }
      }
      case CHUNKED -> chunks = new ChunkedFraming(false);
      case UNTIL_CLOSE -> {}
    }
    return true;
  }

  private void bodyFromDyno() throws BadMessage {
    int from = in.readerIndex();
    headOnly = false;
    switch (response.body) {
      case LENGTH -> {
        int n = (int) Math.min(left, in.readableBytes());
        ctx.write(in.retainedSlice(from, n), ctx.voidPromise());
        in.skipBytes(n);
        left -= n;
        if (left == 0) {
          finish();
        }
      }
      case CHUNKED -> {
        int n;
        if (response.dechunked(request)) {
          ByteBuf b = in;
          n = chunks.consume(in, (index, length) -> ctx.write(b.retainedSlice(index, length)));
        } else {
          n = chunks.consume(in, null);
          ctx.write(in.retainedSlice(from, n), ctx.voidPromise());
        }
        in.skipBytes(n);
        if (chunks.done()) {
          finish();
        }
      }
      case UNTIL_CLOSE -> {
        int n = in.readableBytes();
        if (response.chunkedByRouter(request)) {
          ByteBuf size = ctx.alloc().buffer(12);
          size.writeCharSequence(Integer.toHexString(n), StandardCharsets.US_ASCII);
          size.writeByte('\r').writeByte('\n');
          ctx.write(size, ctx.voidPromise());
          ctx.write(in.retainedSlice(from, n), ctx.voidPromise());
          ctx.write(Unpooled.wrappedBuffer(LAST_CHUNK, 1, 2), ctx.voidPromise());
        } else {
          ctx.write(in.retainedSlice(from, n), ctx.voidPromise());
        }
        in.skipBytes(n);
      }
      case NONE -> throw new IllegalStateException("a body after an answer without one");
    }
  }

  /**
   * Flushes what the dyno sent at the end of each of its reads; a head whose body has not come yet
   * waits up to {@link #HEAD_FLUSH_DELAY_MICROS}: a server that writes head and body apart (the
   * JDK's does) would otherwise cost the client a packet and a wake-up more per response.
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
    long ms = (router.clock.nanoTime() - request.t0) / 1_000_000;
    Channel d = dyno;
    DynoHandler.of(d).exchange = null;
    dyno = null;
    // bytes past the end of the answer: the dyno and the router no longer agree on the framing
    boolean extra = in != null && in.readableBytes() > 0;
    in = Buffers.release(in);
    // the answer's end goes out before the bookkeeping, and a connection that does not stay open
    // closes right behind it: a client that reads the end before the router's close would close
    // first, and keep the closed connection's TIME_WAIT (and its port) on its side
    if (clientKeepAlive) {
      // the connection idles from when the end is written
      ctx.write(Unpooled.EMPTY_BUFFER, ctx.newPromise().addListener(f -> answered()));
    } else {
      // held back until the FIN: the answer's last bytes and the FIN leave in one segment
      Engine.cork(ctx.channel());
      ctx.write(Unpooled.EMPTY_BUFFER).addListener(Exchange::endWritten);
    }
    ctx.flush();
    if (response.dynoKeepAlive && requestDone && !extra) {
      router.pool.give(d.eventLoop(), backend.port(), d);
    } else {
      d.close();
    }
    router.latencies.record(ms, response.status);
    router.lines.served(request, backend.dyno(), ms, response.status);
    front.guard().settle();
    request.release();
    if (clientKeepAlive) {
      front.resume();
    }
  }

  /**
   * Ends a connection that does not stay open once its answer is written: its FIN at once (one
   * system call, as HAProxy does), then Netty's close (a few more).
   */
  private static void endWritten(Future<?> written) {
    Channel ch = ((ChannelFuture) written).channel();
    if (written.isSuccess()) {
      Engine.sendFin(ch);
    }
    ch.close();
  }

  private void answered() {
    front.deadlines().answered(ctx);
  }

  /** The dyno switched protocols: from now on bytes pass both ways untouched. */
  private void tunnel(HeadFields f) {
    over = true;
    String protocol = ResponseHead.upgradeOf(f);
    ByteBuf head = ResponseHead.switching(f, ctx.alloc());
    ByteBuf fromDyno = in;
    in = null;
    DynoHandler.of(dyno).exchange = null;
    request.release();
    Tunnel.splice(ctx.channel(), dyno, head, fromDyno, front.takeRest(), front.deadlines(), front);
    router.lines.upgraded(request, backend.dyno(), protocol);
  }

  /** The dyno's connection closed. */
  void dynoClosed() {
    if (over) {
      return;
    }
    Channel old = dyno;
    dyno = null;
    if (response != null && response.body == ResponseHead.Body.UNTIL_CLOSE) {
      // the answer's body ends with the connection
      if (response.chunkedByRouter(request)) {
        ctx.write(Unpooled.wrappedBuffer(LAST_CHUNK), ctx.voidPromise());
      }
      dyno = old;
      finish();
      return;
    }
    in = Buffers.release(in);
    search.reset();
    if (response == null && reused && !bodySent) {
      // an idle kept connection the dyno had just closed: once more on a fresh one
      connect(backend, true);
    } else if (response == null) {
      dynoFailed(backend, "connection closed without response");
    } else {
      // cut off in the middle of its answer: the client cannot be given the rest
      over = true;
      router.lines.cutOff(request, backend.dyno());
      release();
      ctx.close();
    }
    if (old != null) {
      old.close();
    }
  }

  /** An answer the router cannot frame: as a dyno that closed without answering, or mid-way. */
  private void badAnswer(String why) {
    Channel d = dyno;
    DynoHandler.of(d).exchange = null;
    dyno = null;
    in = Buffers.release(in);
    d.close();
    if (response == null) {
      dynoFailed(backend, "bad answer: " + why);
    } else {
      over = true;
      router.lines.cutOff(request, backend.dyno());
      release();
      ctx.close();
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
    release();
    front.plain(503, text);
  }

  /**
   * The request ends here, its dyno connection too: the client sent what cannot be passed on, or
   * went away.
   */
  void abandon() {
    over = true;
    release();
    closeDyno();
  }

  private void closeDyno() {
    if (dyno != null) {
      Channel d = dyno;
      dyno = null;
      DynoHandler.of(d).exchange = null;
      d.close();
    }
  }

  private void release() {
    pending.release();
    in = Buffers.release(in);
    request.release();
  }
}
