package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.http.Admission;
import dev.formation.platform.local.daemon.http.Deadlines;
import dev.formation.platform.local.daemon.http.Fatal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The router's handler of one client connection, on its bytes: it reads each request head itself
 * ({@link RequestHead}), follows the body's framing to find where the request ends, and runs one
 * {@link Exchange} at a time; requests a client pipelines wait, as bytes, their turn. It also
 * charges what it reads to the daemon's budget ({@link Admission}) and keeps the connection's
 * deadlines ({@link Deadlines}): the one handler on the connection.
 */
final class RouterFront extends ChannelInboundHandlerAdapter {
  /** Bytes of pipelined requests kept before reading stops. */
  private static final int MAX_WAITING = 64 * 1024;

  private final Router router;
  private final Deadlines deadlines;
  private final Admission.Guard guard;
  private final HeadFields fields = new HeadFields();
  private ChannelHandlerContext ctx;
  private ByteBuf in;

  private final HeadSearch search = new HeadSearch();

  private Exchange current;
  private ChunkedFraming chunks;
  private long bodyLeft;
  private boolean refused;
  private String client;

  RouterFront(Router router, Deadlines deadlines, Admission.Guard guard) {
    this.router = router;
    this.deadlines = deadlines;
    this.guard = guard;
  }

  Deadlines deadlines() {
    return deadlines;
  }

  Admission.Guard guard() {
    return guard;
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
  public void channelActive(ChannelHandlerContext ctx) {
    deadlines.active(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf read = (ByteBuf) msg;
    if (refused || !guard.charge(read.readableBytes())) {
      read.release();
      ctx.close();
      return;
    }
    if (read.isReadable()) {
      deadlines.bytes(ctx);
    }
    in = Buffers.append(in, read, ctx.alloc());
    handle();
  }

  /** Handles what was read: a head, body bytes for the current exchange, or nothing yet. */
  private void handle() {
    while (in != null && in.isReadable() && !refused) {
      if (current == null) {
        if (!readHead()) {
          break;
        }
      } else if (!current.requestDone()) {
        body();
      } else {
        // a pipelined request waits its turn; past a few, reading stops until this one is over
        if (in.readableBytes() > MAX_WAITING) {
          ctx.channel().config().setAutoRead(false);
        }
        break;
      }
    }
    if (in != null && !in.isReadable()) {
      in = Buffers.release(in);
      search.reset();
    }
  }

  private boolean readHead() {
    HttpBytes.skipEmptyLines(in);
    if (!in.isReadable()) {
      return false;
    }
    var limits = router.limits;
    int end = search.end(in);
    if (end < 0) {
      if (in.readableBytes() > limits.maxInitialLine() + limits.maxHeaderSize()) {
        int lf =
            in.indexOf(in.readerIndex(), in.readerIndex() + limits.maxInitialLine(), (byte) '\n');
        refuse(lf < 0 ? 414 : 431);
        return false;
      }
      return false;
    }
    int length = end - in.readerIndex();
    RequestHead head;
    try {
      fields.read(
          in, in.readerIndex(), length, limits.maxInitialLine(), 414, limits.maxHeaderSize());
      head =
          RequestHead.read(
              fields,
              ctx.alloc(),
              client(),
              router.port(),
              router.clock.nanoTime(),
              router.clock.now().toEpochMilli());
    } catch (BadMessage e) {
      refuse(e.status);
      return false;
    }
    in.skipBytes(length);
    deadlines.requestHead(ctx);
    chunks = head.chunked ? new ChunkedFraming(true) : null;
    bodyLeft = head.chunked ? -1 : Math.max(0, head.contentLength);
    current = new Exchange(this, router, ctx, head);
    if (!head.hasBody()) {
      deadlines.requestDone();
      current.body(null, true);
    }
    current.dispatch();
    return true;
  }

  /** Hands the current request's body bytes that are in to its exchange. */
  private void body() {
    int from = in.readerIndex();
    int n;
    boolean last;
    if (chunks != null) {
      try {
        n = chunks.consume(in, null);
      } catch (BadMessage e) {
        current.abandon();
        refuse(400);
        return;
      }
      last = chunks.done();
    } else {
      n = (int) Math.min(bodyLeft, in.readableBytes());
      bodyLeft -= n;
      last = bodyLeft == 0;
    }
    ByteBuf part = n > 0 ? in.retainedSlice(from, n) : null;
    in.skipBytes(n);
    if (last) {
      deadlines.requestDone();
    }
    current.body(part, last);
  }

  /** Takes the next pipelined request, if any, once an exchange is over. */
  void resume() {
    current = null;
    handle();
    if (!refused && (current == null || !current.requestDone() && current.dyno() != null)) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  /** The bytes the client sent past the current request (the first of a tunnel); may be null. */
  ByteBuf takeRest() {
    ByteBuf rest = in;
    in = null;
    return rest;
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
    deadlines.closed();
    if (current != null) {
      current.abandon();
    }
    in = Buffers.release(in);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Fatal.haltOnOutOfMemory(cause);
    ctx.close();
  }

  /** A request the router will not pass on: its status, then the connection closes. */
  private void refuse(int status) {
    refused = true;
    in = Buffers.release(in);
    ctx.channel().config().setAutoRead(false);
    String text =
        switch (status) {
          case 414 -> "Request line too long.\n";
          case 431 -> "Request header fields too large.\n";
          case 505 -> "HTTP version not supported.\n";
          default -> "Bad request.\n";
        };
    plain(status, text);
  }

  /** A plain-text answer of the router's own; the connection closes after it. */
  void plain(int status, String text) {
    refused = true;
    String reason =
        switch (status) {
          case 400 -> "Bad Request";
          case 414 -> "URI Too Long";
          case 431 -> "Request Header Fields Too Large";
          case 503 -> "Service Unavailable";
          case 505 -> "HTTP Version Not Supported";
          default -> "Error";
        };
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    ByteBuf out = Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
    ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
  }
}
