package dev.formation.platform.local.daemon.router;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One message head, copied off the wire and split into its start line and fields, without a string
 * per field: the router looks at a few of them by name and copies the rest to the next hop as
 * bytes. One per connection, used again for each head it reads.
 */
final class HeadFields {
  private byte[] h = new byte[512];
  private int[] at = new int[64];
  private int count;
  private int lineEnd;

  /**
   * Reads the head in {@code buf[from, from + length)}: its start line, then {@code name: value}
   * lines to the blank line, each ended by CRLF or a bare LF (RFC 9112 2.2).
   *
   * @param maxLine the longest start line, else {@code lineStatus}
   * @param maxFields the most bytes of field lines, else 431
   * @throws BadMessage for a bare CR, a folded line (obs-fold), a name that is not a token or has
   *     space before its colon, or a value with a control character
   */
  void read(ByteBuf buf, int from, int length, int maxLine, int lineStatus, int maxFields)
      throws BadMessage {
    if (h.length < length) {
      h = new byte[Math.max(length, h.length * 2)];
    }
    buf.getBytes(from, h, 0, length);
    count = 0;
    int eol = lineFeed(0, length);
    lineEnd = contentEnd(0, eol);
    if (lineEnd > maxLine) {
      throw new BadMessage(lineStatus, "start line too long");
    }
    int fieldsStart = eol + 1;
    int pos = fieldsStart;
    while (true) {
      eol = lineFeed(pos, length);
      int end = contentEnd(pos, eol);
      if (end == pos) {
        break;
      }
      if (eol + 1 - fieldsStart > maxFields) {
        throw new BadMessage(431, "header fields too large");
      }
      field(pos, end);
      pos = eol + 1;
    }
  }

  private int lineFeed(int from, int length) throws BadMessage {
    for (int i = from; i < length; i++) {
      if (h[i] == '\n') {
        return i;
      }
    }
    throw new BadMessage("head without its blank line");
  }

  /** The end of a line's content: before the CR of a CRLF; a CR anywhere else is refused. */
  private int contentEnd(int from, int lf) throws BadMessage {
    int end = lf > from && h[lf - 1] == '\r' ? lf - 1 : lf;
    for (int i = from; i < end; i++) {
      if (h[i] == '\r') {
        throw new BadMessage("bare CR");
      }
    }
    return end;
  }

  private void field(int from, int to) throws BadMessage {
    int colon = from;
    while (colon < to && h[colon] != ':') {
      if (!HttpBytes.tchar(h[colon])) {
        throw new BadMessage(
            colon == from ? "folded or empty header line" : "bad header field name");
      }
      colon++;
    }
    if (colon == from || colon == to) {
      throw new BadMessage("header line without a name and colon");
    }
    int vs = colon + 1;
    int ve = to;
    while (vs < ve && (h[vs] == ' ' || h[vs] == '\t')) {
      vs++;
    }
    while (ve > vs && (h[ve - 1] == ' ' || h[ve - 1] == '\t')) {
      ve--;
    }
    for (int i = vs; i < ve; i++) {
      if (!HttpBytes.vchar(h[i])) {
        throw new BadMessage("control character in a header value");
      }
    }
    if (at.length < (count + 1) * 4) {
      at = Arrays.copyOf(at, at.length * 2);
    }
    int k = count * 4;
    at[k] = from;
    at[k + 1] = colon;
    at[k + 2] = vs;
    at[k + 3] = ve;
    count++;
  }

  /** The bytes of the head. */
  byte[] bytes() {
    return h;
  }

  /** The end of the start line's content (it starts at 0). */
  int lineEnd() {
    return lineEnd;
  }

  int count() {
    return count;
  }

  int nameStart(int i) {
    return at[i * 4];
  }

  int nameEnd(int i) {
    return at[i * 4 + 1];
  }

  int valueStart(int i) {
    return at[i * 4 + 2];
  }

  int valueEnd(int i) {
    return at[i * 4 + 3];
  }

  /** Whether field {@code i} is named {@code lower}, ignoring case. */
  boolean named(int i, byte[] lower) {
    return HttpBytes.equalsLower(h, nameStart(i), nameEnd(i), lower);
  }

  /** Whether field {@code i}'s value lists {@code lower}, ignoring case. */
  boolean lists(int i, byte[] lower) {
    return HttpBytes.listHas(h, valueStart(i), valueEnd(i), lower);
  }

  String value(int i) {
    return text(valueStart(i), valueEnd(i));
  }

  /** Bytes as text, one char per byte (as HTTP heads are). */
  String text(int from, int to) {
    return new String(h, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** Writes field {@code i} as {@code name: value} CRLF. */
  void writeField(int i, ByteBuf out) {
    out.writeBytes(h, nameStart(i), nameEnd(i) - nameStart(i));
    out.writeByte(':').writeByte(' ');
    out.writeBytes(h, valueStart(i), valueEnd(i) - valueStart(i));
    out.writeByte('\r').writeByte('\n');
  }

  /** Whether field {@code i} is one of the names a {@code Connection} field lists. */
  boolean listedBy(int i, int connectionFields) {
    if (connectionFields == 0) {
      return false;
    }
    for (int c = 0; c < count; c++) {
      if (named(c, Names.CONNECTION)
          && HttpBytes.listHas(h, valueStart(c), valueEnd(c), h, nameStart(i), nameEnd(i))) {
        return true;
      }
    }
    return false;
  }
}
