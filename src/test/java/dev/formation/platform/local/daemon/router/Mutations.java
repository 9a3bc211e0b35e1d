package dev.formation.platform.local.daemon.router;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Random damage to valid bytes: bytes replaced, inserted, deleted, repeated or cut off. */
final class Mutations {
  /** Bytes that mean something to a parser, more likely than the others. */
  private static final byte[] TELLING = {
    '\r',
    '\n',
    ' ',
    '\t',
    ':',
    ';',
    ',',
    '"',
    '0',
    '1',
    '9',
    'a',
    'F',
    'f',
    'G',
    '-',
    0,
    0x7F,
    (byte) 0x80,
    (byte) 0xFF
  };

  /** A parser's favourite bytes, for heads of random bytes. */
  private static final byte[] ALPHABET = {
    '\r',
    '\n',
    '\r',
    '\n',
    0,
    ':',
    ':',
    ' ',
    ' ',
    '\t',
    'G',
    'E',
    'T',
    '/',
    'H',
    'P',
    '1',
    '.',
    '0',
    'a',
    'x',
    '-',
    ',',
    (byte) 0x80,
    (byte) 0xC3,
    (byte) 0xFF,
    0x7F,
    0x1B
  };

  private Mutations() {}

  /** {@code bytes} with 1 to 4 random changes. */
  static byte[] mutate(Random r, byte[] bytes) {
    byte[] b = bytes;
    for (int k = 1 + r.nextInt(4); k > 0; k--) {
      int at = r.nextInt(b.length + 1);
      switch (r.nextInt(5)) {
        case 0 -> {
          if (at < b.length) {
            b = b.clone();
            b[at] = one(r);
          }
        }
        case 1 -> b = splice(b, at, at, new byte[] {one(r)});
        case 2 -> b = splice(b, at, Math.min(b.length, at + 1 + r.nextInt(4)), new byte[0]);
        case 3 -> {
          int to = Math.min(b.length, at + 1 + r.nextInt(16));
          b = splice(b, at, at, Arrays.copyOfRange(b, at, to));
        }
        default -> b = Arrays.copyOf(b, at);
      }
    }
    return b;
  }

  private static byte one(Random r) {
    return r.nextBoolean() ? TELLING[r.nextInt(TELLING.length)] : (byte) r.nextInt(256);
  }

  /** {@code b} with {@code [from, to)} replaced by {@code with}. */
  static byte[] splice(byte[] b, int from, int to, byte[] with) {
    byte[] out = new byte[b.length - (to - from) + with.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(with, 0, out, from, with.length);
    System.arraycopy(b, to, out, from + with.length, b.length - to);
    return out;
  }

  /**
   * Hostile bytes: random bytes of a parser's favourite alphabet, a valid head damaged, of any HTTP
   * version, or grown past a limit (a long request line, a large field section).
   */
  static byte[] hostileHead(Random r) {
    switch (r.nextInt(7)) {
      case 0 -> {
        byte[] b = new byte[r.nextInt(120)];
        for (int i = 0; i < b.length; i++) {
          b[i] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return b;
      }
      case 1 -> {
        String pad = "a".repeat(HeadParsingPropertiesTest.MAX_LINE - 20 + r.nextInt(40));
        return ("GET /" + pad + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      }
      case 3 -> {
        String version = "HTTP/" + r.nextInt(10) + "." + r.nextInt(10);
        return ("GET / " + version + "\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      }
      case 2 -> {
        String big = ("X-Big: " + "b".repeat(1000) + "\r\n").repeat(15 + r.nextInt(3));
        return ("GET / HTTP/1.1\r\n" + big + "\r\n").getBytes(StandardCharsets.US_ASCII);
      }
      default -> {
        return Mutations.mutate(r, ValidRequests.anyHead(r));
      }
    }
  }
}
