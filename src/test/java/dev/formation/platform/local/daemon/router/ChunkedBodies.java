package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Generated chunked bodies for the framing's properties: a body encoded with random chunk sizes,
 * extensions and trailers (and where each line end of the framing is), and a reader that feeds
 * {@link ChunkedFraming} what it was given the way {@link RouterFront} does, piece by piece.
 */
final class ChunkedBodies {
  private static final String TCHARS =
      "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private ChunkedBodies() {}

  /** A body and its chunked encoding; {@code crs}: where each CR of a framing CRLF is. */
  record Encoded(byte[] body, byte[] wire, List<Integer> crs) {}

  /** What the framing made of a feed: the data bytes, the bytes it consumed, and whether done. */
  record Decoded(byte[] data, long consumed, boolean done, byte[] left) {}

  /**
   * The generator of case {@code seed}: seeds mixed first, as {@link Random}'s first draws of
   * consecutive seeds are nearly the same.
   */
  static Random random(long seed) {
    return new Random(new SplittableRandom(seed).nextLong());
  }

  /** A body of 0 to {@code max} arbitrary bytes, mostly short. */
  static byte[] body(Random r, int max) {
    int n = r.nextInt(4) == 0 ? r.nextInt(max + 1) : r.nextInt(Math.min(max, 300) + 1);
    byte[] b = new byte[n];
    if (r.nextBoolean()) {
      r.nextBytes(b);
    } else {
      // framing-like bytes inside the data: a reader that looks at them would go wrong
      byte[] tricky = "0\r\n\r\n;:\r\nF ".getBytes(StandardCharsets.ISO_8859_1);
      for (int i = 0; i < n; i++) {
        b[i] = tricky[r.nextInt(tricky.length)];
      }
    }
    return b;
  }

  /** {@code body} chunked: CRLF only when {@code strict}, else CRLF or LF at random. */
  static Encoded encode(Random r, byte[] body, boolean strict) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> crs = new ArrayList<>();
    int most = r.nextInt(3) == 0 ? 8 : Math.max(1, body.length);
    int at = 0;
    while (at < body.length) {
      int n = Math.min(body.length - at, 1 + r.nextInt(most));
      ascii(out, hex(r, n) + extension(r));
      eol(r, out, crs, strict);
      out.write(body, at, n);
      eol(r, out, crs, strict);
      at += n;
    }
    ascii(out, hex(r, 0) + extension(r));
    eol(r, out, crs, strict);
    for (int t = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; t > 0; t--) {
      out.writeBytes(token(r).getBytes(StandardCharsets.US_ASCII));
      out.write(':');
      out.writeBytes(value(r));
      eol(r, out, crs, strict);
    }
    eol(r, out, crs, strict);
    return new Encoded(body, out.toByteArray(), crs);
  }

  /** {@code n} in hex: either case per digit, with up to 3 leading zeros. */
  static String hex(Random r, long n) {
    StringBuilder s = new StringBuilder("0".repeat(r.nextInt(4)));
    for (char c : Long.toHexString(n).toCharArray()) {
      s.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return s.toString();
  }

  private static String extension(Random r) {
    StringBuilder s = new StringBuilder();
    for (int k = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0; k > 0; k--) {
      s.append(r.nextBoolean() ? "" : " ").append(';').append(token(r));
      switch (r.nextInt(3)) {
        case 0 -> s.append('=').append(token(r));
        case 1 -> s.append("=\"").append(token(r)).append(" \\\" ").append(token(r)).append('"');
        default -> {}
      }
    }
    return s.toString();
  }

  static String token(Random r) {
    StringBuilder s = new StringBuilder();
    for (int n = 1 + r.nextInt(12); n > 0; n--) {
      s.append(TCHARS.charAt(r.nextInt(TCHARS.length())));
    }
    return s.toString();
  }

  /** A field value of allowed bytes: visible ASCII, obs-text, spaces and tabs. */
  static byte[] value(Random r) {
    byte[] v = new byte[r.nextInt(30)];
    for (int i = 0; i < v.length; i++) {
      int c;
      do {
        c = r.nextInt(8) == 0 ? '\t' : 0x20 + r.nextInt(0xE0);
      } while (c == 0x7F);
      v[i] = (byte) c;
    }
    return v;
  }

  private static void eol(Random r, ByteArrayOutputStream out, List<Integer> crs, boolean strict) {
    if (strict || r.nextBoolean()) {
      crs.add(out.size());
      out.write('\r');
    }
    out.write('\n');
  }

  private static void ascii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** Cut points splitting {@code n} bytes into pieces: all at once, a byte each, or at random. */
  static int[] cuts(Random r, int n) {
    return switch (r.nextInt(4)) {
      case 0 -> new int[] {n};
      case 1 -> {
        int[] c = new int[n];
        Arrays.setAll(c, i -> i + 1);
        yield n == 0 ? new int[] {0} : c;
      }
      default -> {
        int most = 1 + r.nextInt(r.nextBoolean() ? 16 : Math.max(1, n));
        List<Integer> c = new ArrayList<>();
        for (int at = 0; at < n; ) {
          at = Math.min(n, at + 1 + r.nextInt(most));
          c.add(at);
        }
        yield c.isEmpty() ? new int[] {0} : c.stream().mapToInt(Integer::intValue).toArray();
      }
    };
  }

  /**
   * Feeds {@code bytes} to {@code f} in the pieces {@code cuts} makes, as the router does: each
   * time in a buffer of exactly what is there (so a read past it throws), from a reader index past
   * a few bytes of junk, the bytes it did not consume first. Checks what holds for every feed: the
   * reader index stays, at most what was given is consumed, all of it unless the body is over, and
   * data ranges lie in order within what was consumed; and, when {@code bodyEnd >= 0}, that the
   * body is done exactly once {@code bodyEnd} bytes are consumed, never more.
   */
  static Decoded feed(
      ChunkedFraming f, byte[] bytes, int[] cuts, long bodyEnd, Random r, String what)
      throws BadMessage {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    byte[] left = new byte[0];
    long consumed = 0;
    int pos = 0;
    for (int cut : cuts) {
      int junk = r.nextInt(3);
      byte[] given = new byte[junk + left.length + cut - pos];
      Arrays.fill(given, 0, junk, (byte) '\n');
      System.arraycopy(left, 0, given, junk, left.length);
      System.arraycopy(bytes, pos, given, junk + left.length, cut - pos);
      pos = cut;
      ByteBuf buf = Unpooled.wrappedBuffer(given).readerIndex(junk);
      List<int[]> ranges = new ArrayList<>();
      int n;
      try {
        n =
            f.consume(
                buf,
                (index, length) -> {
                  // checked as they come too: a bad range may end in an exception before the end
                  assertThat(length).as(what + ": range length").isPositive();
                  assertThat(index).as(what + ": range start").isGreaterThanOrEqualTo(junk);
                  assertThat(index + length)
                      .as(what + ": range end")
                      .isLessThanOrEqualTo(given.length);
                  ranges.add(new int[] {index, length});
                });
        assertThat(buf.readerIndex()).as(what + ": reader index").isEqualTo(junk);
      } finally {
        buf.release();
      }
      int readable = given.length - junk;
      assertThat(n).as(what + ": consumed of %d", readable).isBetween(0, readable);
      if (!f.done()) {
        assertThat(n).as(what + ": all consumed before the end").isEqualTo(readable);
      }
      int end = junk;
      for (int[] range : ranges) {
        assertThat(range[0]).as(what + ": range start").isGreaterThanOrEqualTo(end);
        assertThat(range[1]).as(what + ": range length").isPositive();
        end = range[0] + range[1];
        assertThat(end).as(what + ": range end").isLessThanOrEqualTo(junk + n);
        data.write(given, range[0], range[1]);
      }
      consumed += n;
      if (bodyEnd >= 0) {
        assertThat(consumed).as(what + ": consumed").isLessThanOrEqualTo(bodyEnd);
        assertThat(f.done())
            .as(what + ": done after %d of %d", consumed, bodyEnd)
            .isEqualTo(consumed == bodyEnd);
      }
      left = Arrays.copyOfRange(given, junk + n, given.length);
    }
    return new Decoded(data.toByteArray(), consumed, f.done(), left);
  }

  /** {@code a} then {@code b}. */
  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
