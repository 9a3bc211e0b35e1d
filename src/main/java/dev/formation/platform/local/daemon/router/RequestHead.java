package dev.formation.platform.local.daemon.router;

import static dev.formation.platform.local.daemon.router.Names.b;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * A client's request as the router read its head: what it asks, how its body is framed, whether the
 * connection stays open after it; and the head its dyno gets, built once as bytes: hop-by-hop
 * fields out (RFC 9110 7.6.1, and whatever {@code Connection} lists), {@code Host} kept, {@code
 * X-Request-Id}, {@code X-Request-Start} and {@code X-Forwarded-For/-Proto/-Port} set, as Heroku's
 * router does.
 *
 * <p>Framing a dyno could read another way is refused (RFC 9112 6.1 and 6.3): {@code
 * Content-Length} with {@code Transfer-Encoding}, two different lengths, a transfer coding that
 * does not end in {@code chunked}, or a transfer coding from an HTTP/1.0 client.
 */
final class RequestHead {
  private static final byte[] HTTP11 = b(" HTTP/1.1\r\n");
  private static final byte[] HOST = b("Host: 127.0.0.1:");
  private static final byte[] ID = b("X-Request-Id: ");
  private static final byte[] START = b("\r\nX-Request-Start: ");
  private static final byte[] FOR = b("\r\nX-Forwarded-For: ");
  private static final byte[] PROTO_PORT = b("\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Port: ");
  private static final byte[] UPGRADE = b("Upgrade: ");
  private static final byte[] CONNECTION_UPGRADE = b("Connection: Upgrade\r\n");
  private static final byte[] CRLF = b("\r\n");

  /** The protocol name, case-sensitive (RFC 9112 2.3). */
  private static final byte[] HTTP_SLASH = b("HTTP/");

  /** More {@code Connection} fields than any client sends: each costs a pass over the others. */
  private static final int MAX_CONNECTION_FIELDS = 8;

  final String method;
  final String target;
  final boolean http11;
  final long contentLength;
  final boolean chunked;
  final boolean keepAlive;
  final boolean expectContinue;
  final boolean upgrade;
  final String id;
  final long t0;
  final long startMillis;

  /** The head for the dyno; released by {@link #release()}. */
  private final ByteBuf toDyno;

  private boolean released;

  private RequestHead(Parsed p, String id, long t0, long startMillis, ByteBuf toDyno) {
    this.method = p.method;
    this.target = p.target;
    this.http11 = p.http11;
    this.contentLength = p.contentLength;
    this.chunked = p.chunked;
    this.keepAlive = p.keepAlive;
    this.expectContinue = p.expectContinue;
    this.upgrade = p.upgrade;
    this.id = id;
    this.t0 = t0;
    this.startMillis = startMillis;
    this.toDyno = toDyno;
  }

  /** What the fields say, before the dyno's head is built. */
  private static final class Parsed {
    String method;
    String target;
    int targetEnd;
    boolean http11;
    long contentLength = -1;
    boolean chunked;
    boolean keepAlive;
    boolean expectContinue;
    boolean upgrade;
    int upgradeField = -1;
    int connectionFields;
    boolean host;
    int requestId = -1;
  }

  /**
   * Reads the request in {@code f}.
   *
   * @param t0 when it came, monotonic (for its response time)
   * @param startMillis when it came, wall clock (for {@code X-Request-Start})
   * @throws BadMessage for a request the router refuses (with the status to answer)
   */
  static RequestHead read(
      HeadFields f,
      ByteBufAllocator alloc,
      String client,
      int routerPort,
      long t0,
      long startMillis)
      throws BadMessage {
    Parsed p = new Parsed();
    requestLine(f, p);
    fields(f, p);
    byte[] h = f.bytes();
    String id =
        p.requestId >= 0 && plausibleId(h, f.valueStart(p.requestId), f.valueEnd(p.requestId))
            ? f.value(p.requestId)
            : dev.formation.platform.local.daemon.http.RequestIds.next();
    ByteBuf out = alloc.buffer(f.lineEnd() + 64 * f.count() + 256);
    out.writeBytes(h, 0, p.targetEnd).writeBytes(HTTP11);
    int xff = 0;
    for (int i = 0; i < f.count(); i++) {
      if (f.named(i, Names.X_FORWARDED_FOR)) {
        xff++;
      } else if (passes(f, i, p)) {
        f.writeField(i, out);
      }
    }
    if (!p.http11 && !p.host) {
      out.writeBytes(HOST);
      out.writeCharSequence(Integer.toString(routerPort), StandardCharsets.US_ASCII);
      out.writeBytes(CRLF);
    }
    out.writeBytes(ID).writeCharSequence(id, StandardCharsets.ISO_8859_1);
    out.writeBytes(START).writeCharSequence(Long.toString(startMillis), StandardCharsets.US_ASCII);
    out.writeBytes(FOR);
    if (xff > 0) {
      forwardedFor(f, out);
    }
    out.writeCharSequence(client, StandardCharsets.US_ASCII);
    out.writeBytes(PROTO_PORT);
    out.writeCharSequence(Integer.toString(routerPort), StandardCharsets.US_ASCII);
    out.writeBytes(CRLF);
    if (p.upgrade) {
      out.writeBytes(UPGRADE)
          .writeBytes(
              h,
              f.valueStart(p.upgradeField),
              f.valueEnd(p.upgradeField) - f.valueStart(p.upgradeField))
          .writeBytes(CRLF)
          .writeBytes(CONNECTION_UPGRADE);
    }
    out.writeBytes(CRLF);
    return new RequestHead(p, id, t0, startMillis, out);
  }

  private static void requestLine(HeadFields f, Parsed p) throws BadMessage {
    byte[] h = f.bytes();
    int end = f.lineEnd();
    int sp1 = 0;
    while (sp1 < end && HttpBytes.tchar(h[sp1])) {
      sp1++;
    }
    if (sp1 == 0 || sp1 == end || h[sp1] != ' ') {
      throw new BadMessage("bad request line");
    }
    int sp2 = sp1 + 1;
    while (sp2 < end && HttpBytes.targetChar(h[sp2])) {
      sp2++;
    }
    if (sp2 == sp1 + 1 || sp2 == end || h[sp2] != ' ') {
      throw new BadMessage("bad request line");
    }
    int v = sp2 + 1;
    if (end - v != 8
        || !HttpBytes.startsWith(h, v, end, HTTP_SLASH)
        || !HttpBytes.digit(h[v + 5])
        || h[v + 6] != '.'
        || !HttpBytes.digit(h[v + 7])) {
      throw new BadMessage("bad request line");
    }
    if (h[v + 5] != '1' || h[v + 7] != '0' && h[v + 7] != '1') {
      throw new BadMessage(505, "HTTP version not supported");
    }
    p.http11 = h[v + 7] == '1';
    p.method = f.text(0, sp1);
    p.target = f.text(sp1 + 1, sp2);
    p.targetEnd = sp2;
  }

  private static void fields(HeadFields f, Parsed p) throws BadMessage {
    boolean te = false;
    boolean chunkedLast = false;
    boolean close = false;
    boolean keepAlive = false;
    boolean upgradeToken = false;
    boolean expect = false;
    byte[] h = f.bytes();
    for (int i = 0; i < f.count(); i++) {
      int vs = f.valueStart(i);
      int ve = f.valueEnd(i);
      if (f.named(i, Names.CONTENT_LENGTH)) {
        long v = HttpBytes.contentLength(h, vs, ve);
        if (p.contentLength >= 0 && v != p.contentLength) {
          throw new BadMessage("two different Content-Length values");
        }
        p.contentLength = v;
      } else if (f.named(i, Names.TRANSFER_ENCODING)) {
        if (chunkedLast) {
          throw new BadMessage("a transfer coding after chunked");
        }
        te = true;
        chunkedLast = endsWithChunked(h, vs, ve);
      } else if (f.named(i, Names.CONNECTION)) {
        if (++p.connectionFields > MAX_CONNECTION_FIELDS) {
          throw new BadMessage("too many Connection fields");
        }
        close |= f.lists(i, Names.CLOSE);
        keepAlive |= f.lists(i, Names.KEEP_ALIVE);
        upgradeToken |= f.lists(i, Names.UPGRADE);
      } else if (f.named(i, Names.HOST)) {
        if (p.host) {
          throw new BadMessage("two Host fields");
        }
        p.host = true;
      } else if (f.named(i, Names.EXPECT)) {
        expect |= HttpBytes.equalsLower(h, vs, ve, Names.CONTINUE);
      } else if (f.named(i, Names.UPGRADE)) {
        p.upgradeField = i;
      } else if (f.named(i, Names.X_REQUEST_ID)) {
        p.requestId = i;
      }
    }
    if (te && (!chunkedLast || p.contentLength >= 0 || !p.http11)) {
      throw new BadMessage(
          !p.http11
              ? "Transfer-Encoding from an HTTP/1.0 client"
              : p.contentLength >= 0
                  ? "both Content-Length and Transfer-Encoding"
                  : "a transfer coding that does not end in chunked");
    }
    p.chunked = te;
    p.keepAlive = p.http11 ? !close : keepAlive && !close;
    p.expectContinue = p.http11 && expect;
    p.upgrade = p.upgradeField >= 0 && upgradeToken && p.http11;
  }

  /** Whether a transfer-coding list ends in {@code chunked}, and names it only there. */
  private static boolean endsWithChunked(byte[] h, int from, int to) throws BadMessage {
    boolean last = HttpBytes.lastElementIs(h, from, to, Names.CHUNKED);
    int comma = to;
    while (comma > from && h[comma - 1] != ',') {
      comma--;
    }
    if (last && comma > from && HttpBytes.listHas(h, from, comma - 1, Names.CHUNKED)) {
      throw new BadMessage("chunked twice");
    }
    return last;
  }

  /** Whether field {@code i} goes to the dyno as it came. */
  private static boolean passes(HeadFields f, int i, Parsed p) {
    return !Names.hop(f, i, p.connectionFields)
        && !f.named(i, Names.X_REQUEST_ID)
        && !f.named(i, Names.X_REQUEST_START)
        && !HttpBytes.startsWithLower(f.bytes(), f.nameStart(i), f.nameEnd(i), Names.X_FORWARDED)
        && !(p.expectContinue && f.named(i, Names.EXPECT));
  }

  /** The client's own {@code X-Forwarded-For} list, then {@code ", "}, when it has one. */
  private static void forwardedFor(HeadFields f, ByteBuf out) {
    boolean any = false;
    for (int i = 0; i < f.count(); i++) {
      if (f.named(i, Names.X_FORWARDED_FOR) && f.valueEnd(i) > f.valueStart(i)) {
        if (any) {
          out.writeByte(',').writeByte(' ');
        }
        out.writeBytes(f.bytes(), f.valueStart(i), f.valueEnd(i) - f.valueStart(i));
        any = true;
      }
    }
    if (any) {
      out.writeByte(',').writeByte(' ');
    }
  }

  /** A client's {@code X-Request-Id} worth keeping: 20 to 200 of {@code [-\w.+=/]}. */
  private static boolean plausibleId(byte[] h, int from, int to) {
    if (to - from < 20 || to - from > 200) {
      return false;
    }
    for (int i = from; i < to; i++) {
      byte c = h[i];
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || HttpBytes.digit(c)
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '+'
              || c == '='
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The head for the dyno, to write (the request keeps its own copy for a retry). */
  ByteBuf toDyno() {
    return toDyno.retainedDuplicate();
  }

  /** Whether the request is {@code HEAD}, whose answer has no body whatever its head says. */
  boolean isHead() {
    return "HEAD".equals(method);
  }

  /** Whether the request has a body to pass on. */
  boolean hasBody() {
    return chunked || contentLength > 0;
  }

  /** {@code method=GET path="/x"}, as the router's log lines name a request. */
  String named() {
    return "method=" + method + " path=\"" + target + "\"";
  }

  /**
   * Gives the dyno's head back; once only, whoever calls it again. Not by its reference count: a
   * pooled buffer, once freed, may already be another request's, with a count of its own.
   */
  void release() {
    if (!released) {
      released = true;
      toDyno.release();
    }
  }
}
