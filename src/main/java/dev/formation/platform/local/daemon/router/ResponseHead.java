package dev.formation.platform.local.daemon.router;

import static dev.formation.platform.local.daemon.router.Names.b;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A dyno's answer as the router read its head: its status, how its body is framed, whether the dyno
 * keeps the connection open; and the head the client gets, built as bytes with the dyno's
 * hop-by-hop fields out and the client connection's own {@code Connection} in.
 */
final class ResponseHead {
  /** How the body of an answer ends. */
  enum Body {
    /** No body: a 1xx, a 204 or 304, or the answer to a HEAD. */
    NONE,
    /** After {@code Content-Length} bytes. */
    LENGTH,
    /** At the end of its chunked framing. */
    CHUNKED,
    /** When the dyno closes the connection. */
    UNTIL_CLOSE
  }

  private static final byte[] HTTP11 = b("HTTP/1.1");
  private static final byte[] CLOSE = b("Connection: close\r\n");
  private static final byte[] KEEP_ALIVE = b("Connection: keep-alive\r\n");
  private static final byte[] CHUNKED = b("Transfer-Encoding: chunked\r\n");
  private static final byte[] CRLF = b("\r\n");
  private static final byte[] HTTP1 = b("HTTP/1.");

  final int status;
  final Body body;
  final long contentLength;
  final boolean dynoKeepAlive;
  private final boolean transferEncoding;
  private final int connectionFields;

  private ResponseHead(
      int status,
      Body body,
      long contentLength,
      boolean dynoKeepAlive,
      boolean transferEncoding,
      int connectionFields) {
    this.status = status;
    this.body = body;
    this.contentLength = contentLength;
    this.dynoKeepAlive = dynoKeepAlive;
    this.transferEncoding = transferEncoding;
    this.connectionFields = connectionFields;
  }

  /**
   * Reads the answer in {@code f} to {@code req}.
   *
   * @throws BadMessage for a head that is not an HTTP/1.x answer, or a bad length
   */
  static ResponseHead read(HeadFields f, RequestHead req) throws BadMessage {
    byte[] h = f.bytes();
    int end = f.lineEnd();
    if (end < 12
        || !HttpBytes.startsWith(h, 0, end, HTTP1)
        || h[7] != '0' && h[7] != '1'
        || h[8] != ' '
        || !digits(h, 9, 12)
        || end > 12 && h[12] != ' ') {
      throw new BadMessage("not an HTTP/1.x answer");
    }
    boolean http11 = h[7] == '1';
    int status = (h[9] - '0') * 100 + (h[10] - '0') * 10 + (h[11] - '0');
    long length = -1;
    boolean te = false;
    boolean chunked = false;
    boolean close = false;
    boolean keepAlive = false;
    int connection = 0;
    for (int i = 0; i < f.count(); i++) {
      int vs = f.valueStart(i);
      int ve = f.valueEnd(i);
      if (f.named(i, Names.CONTENT_LENGTH)) {
        long v = HttpBytes.contentLength(h, vs, ve);
        if (length >= 0 && v != length) {
          throw new BadMessage("two different Content-Length values");
        }
        length = v;
      } else if (f.named(i, Names.TRANSFER_ENCODING)) {
        te = true;
        chunked = HttpBytes.lastElementIs(h, vs, ve, Names.CHUNKED);
      } else if (f.named(i, Names.CONNECTION)) {
        if (++connection > 8) {
          throw new BadMessage("too many Connection fields");
        }
        close |= f.lists(i, Names.CLOSE);
        keepAlive |= f.lists(i, Names.KEEP_ALIVE);
      }
    }
    Body body;
    if (status < 200 || status == 204 || status == 304 || req.isHead()) {
      body = Body.NONE;
    } else if (te) {
      // Transfer-Encoding overrides Content-Length (RFC 9112 6.3); without chunked last, the
      // body ends when the connection does
      body = chunked ? Body.CHUNKED : Body.UNTIL_CLOSE;
    } else if (length >= 0) {
      body = Body.LENGTH;
    } else {
      body = Body.UNTIL_CLOSE;
    }
    boolean reusable = (http11 ? !close : keepAlive && !close) && body != Body.UNTIL_CLOSE;
    return new ResponseHead(status, body, length, reusable, te, connection);
  }

  private static boolean digits(byte[] h, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!HttpBytes.digit(h[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the client gets the body chunked by the router (a 1.1 client, a body to the close). */
  boolean chunkedByRouter(RequestHead req) {
    return body == Body.UNTIL_CLOSE && req.http11;
  }

  /** Whether the client gets a chunked body without its framing (an HTTP/1.0 client). */
  boolean dechunked(RequestHead req) {
    return body == Body.CHUNKED && !req.http11;
  }

  /**
   * Whether the client's connection can take another request after this answer: an answer whose end
   * the client could not tell (a body to the close for an HTTP/1.0 client, or a chunked one it gets
   * without framing) ends it.
   */
  boolean clientKeepAlive(RequestHead req, boolean requestDone, boolean keepAlive) {
    if (body == Body.UNTIL_CLOSE && !req.http11 || dechunked(req)) {
      return false;
    }
    // an answer before the whole body was in: the rest of the body cannot be told apart
    return keepAlive && requestDone;
  }

  /** The head the client gets: the status line as HTTP/1.1, the end-to-end fields, framing. */
  ByteBuf toClient(HeadFields f, ByteBufAllocator alloc, RequestHead req, boolean clientKeepAlive) {
    ByteBuf out = statusLine(f, alloc);
    boolean dechunk = dechunked(req);
    for (int i = 0; i < f.count(); i++) {
      if (Names.hop(f, i, connectionFields)
          || transferEncoding && f.named(i, Names.CONTENT_LENGTH)
          || dechunk && f.named(i, Names.TRANSFER_ENCODING)) {
        continue;
      }
      f.writeField(i, out);
    }
    if (status >= 200) {
      if (chunkedByRouter(req)) {
        out.writeBytes(CHUNKED);
      }
      if (req.http11 && !clientKeepAlive) {
        out.writeBytes(CLOSE);
      } else if (!req.http11 && clientKeepAlive) {
        out.writeBytes(KEEP_ALIVE);
      }
    }
    return out.writeBytes(CRLF);
  }

  /** A {@code 101} head as the client gets it: every field but the body's framing. */
  static ByteBuf switching(HeadFields f, ByteBufAllocator alloc) {
    ByteBuf out = statusLine(f, alloc);
    for (int i = 0; i < f.count(); i++) {
      if (!f.named(i, Names.CONTENT_LENGTH) && !f.named(i, Names.TRANSFER_ENCODING)) {
        f.writeField(i, out);
      }
    }
    return out.writeBytes(CRLF);
  }

  /** A buffer for the client's head, holding its status line: the dyno's, as HTTP/1.1. */
  private static ByteBuf statusLine(HeadFields f, ByteBufAllocator alloc) {
    ByteBuf out = alloc.buffer(f.lineEnd() + 48 * f.count() + 64);
    return out.writeBytes(HTTP11).writeBytes(f.bytes(), 8, f.lineEnd() - 8).writeBytes(CRLF);
  }

  /** The protocol a {@code 101} switches to, for the log. */
  static String upgradeOf(HeadFields f) {
    for (int i = 0; i < f.count(); i++) {
      if (f.named(i, Names.UPGRADE)) {
        return f.value(i);
      }
    }
    return null;
  }
}
