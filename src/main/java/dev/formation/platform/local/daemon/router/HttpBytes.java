package dev.formation.platform.local.daemon.router;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * HTTP/1.1 syntax on bytes (RFC 9110 and 9112), as strict as a proxy must be: what the router
 * accepts, every dyno reads the same way, so a request cannot be smuggled past it.
 */
final class HttpBytes {
  private static final boolean[] TCHAR = new boolean[256];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[c - 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
  }

  private HttpBytes() {}

  /** Whether {@code b} is an ASCII digit. */
  static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Whether {@code b} may be part of a token (a method, a header name, a coding). */
  static boolean tchar(byte b) {
    return TCHAR[b & 0xFF];
  }

  /** Whether {@code b} may be part of a field value: visible, obs-text, space or tab. */
  static boolean vchar(byte b) {
    int c = b & 0xFF;
    return c >= 0x20 && c != 0x7F || c == '\t';
  }

  /** Whether {@code b} may be part of a request target: visible ASCII or obs-text. */
  static boolean targetChar(byte b) {
    int c = b & 0xFF;
    return c > 0x20 && c != 0x7F;
  }

  /** Lower-cases an ASCII letter. */
  static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  /** Whether {@code h[from, to)} equals {@code lower} (lower-case ASCII), ignoring case. */
  static boolean equalsLower(byte[] h, int from, int to, byte[] lower) {
    if (to - from != lower.length) {
      return false;
    }
    for (int i = 0; i < lower.length; i++) {
      if (lower(h[from + i]) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code h[from, to)} starts with {@code prefix}, exactly (case included). */
  static boolean startsWith(byte[] h, int from, int to, byte[] prefix) {
    return to - from >= prefix.length
        && Arrays.equals(h, from, from + prefix.length, prefix, 0, prefix.length);
  }

  /** Whether {@code h[from, to)} starts with {@code lower}, ignoring case. */
  static boolean startsWithLower(byte[] h, int from, int to, byte[] lower) {
    return to - from >= lower.length && equalsLower(h, from, from + lower.length, lower);
  }

  /**
   * Whether the comma-separated list in {@code h[from, to)} holds {@code lower}, ignoring case and
   * the spaces around each element.
   */
  static boolean listHas(byte[] h, int from, int to, byte[] lower) {
    return listHas(h, from, to, lower, 0, lower.length);
  }

  /** As {@link #listHas(byte[], int, int, byte[])}, for the element {@code x[xs, xe)}. */
  static boolean listHas(byte[] h, int from, int to, byte[] x, int xs, int xe) {
    for (int i = from; i < to; ) {
      int end = elementEnd(h, i, to);
      int s = skipSpace(h, i, end);
      int e = trimSpace(h, s, end);
      if (e - s == xe - xs && sameIgnoringCase(h, s, x, xs, xe - xs)) {
        return true;
      }
      i = end + 1;
    }
    return false;
  }

  /** Whether the last element of the list in {@code h[from, to)} is {@code lower}. */
  static boolean lastElementIs(byte[] h, int from, int to, byte[] lower) {
    int last = to;
    while (last > from && h[last - 1] != ',') {
      last--;
    }
    return equalsLower(h, skipSpace(h, last, to), trimSpace(h, last, to), lower);
  }

  /** Where the list element that starts at {@code from} ends: at the next comma, or {@code to}. */
  private static int elementEnd(byte[] h, int from, int to) {
    int end = from;
    while (end < to && h[end] != ',') {
      end++;
    }
    return end;
  }

  /** The first index from {@code from} that is not a space or tab (at most {@code to}). */
  private static int skipSpace(byte[] h, int from, int to) {
    while (from < to && (h[from] == ' ' || h[from] == '\t')) {
      from++;
    }
    return from;
  }

  /** {@code to}, moved back over spaces and tabs (not before {@code from}). */
  private static int trimSpace(byte[] h, int from, int to) {
    while (to > from && (h[to - 1] == ' ' || h[to - 1] == '\t')) {
      to--;
    }
    return to;
  }

  private static boolean sameIgnoringCase(byte[] a, int as, byte[] b, int bs, int n) {
    for (int k = 0; k < n; k++) {
      if (lower(a[as + k]) != lower(b[bs + k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * A {@code Content-Length}: one decimal number, or a list of the same number (RFC 9110 8.6).
   *
   * @throws BadMessage for anything else, or a length past 2^62
   */
  static long contentLength(byte[] h, int from, int to) throws BadMessage {
    long value = -1;
    for (int i = from; i <= to; ) {
      int end = elementEnd(h, i, to);
      int s = skipSpace(h, i, end);
      int e = trimSpace(h, s, end);
      if (s == e || e - s > 18) {
        throw new BadMessage("bad Content-Length");
      }
      long v = 0;
      for (int k = s; k < e; k++) {
        if (!digit(h[k])) {
          throw new BadMessage("bad Content-Length");
        }
        v = v * 10 + (h[k] - '0');
      }
      if (value >= 0 && v != value) {
        throw new BadMessage("two different Content-Length values");
      }
      value = v;
      i = end + 1;
    }
    return value;
  }

  /**
   * Where the head that starts at {@code buf}'s reader index ends: the index past its blank line,
   * or -1 while it is incomplete. Looks for line feeds from {@code from} on (where the last search
   * stopped), so a head that arrives a byte at a time is not searched again from its start.
   */
  static int headEnd(ByteBuf buf, int from) {
    int start = buf.readerIndex();
    int i = Math.max(start, from);
    int end = buf.writerIndex();
    while (i < end) {
      int lf = buf.indexOf(i, end, (byte) '\n');
      if (lf < 0) {
        return -1;
      }
      // an empty line: LF LF, or LF CR LF
      if (lf > start
          && (buf.getByte(lf - 1) == '\n'
              || buf.getByte(lf - 1) == '\r' && lf - 1 > start && buf.getByte(lf - 2) == '\n')) {
        return lf + 1;
      }
      i = lf + 1;
    }
    return -1;
  }

  /** Skips the empty lines a client may send before a request line (RFC 9112 2.2). */
  static void skipEmptyLines(ByteBuf buf) {
    while (buf.isReadable()) {
      byte b = buf.getByte(buf.readerIndex());
      if (b == '\n') {
        buf.skipBytes(1);
      } else if (b == '\r'
          && buf.readableBytes() > 1
          && buf.getByte(buf.readerIndex() + 1) == '\n') {
        buf.skipBytes(2);
      } else {
        return;
      }
    }
  }
}
