package dev.formation.platform.local.daemon.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generated valid request heads: a token method, a target of allowed bytes, HTTP/1.1 or 1.0, and 0
 * to 50 fields with names and values of allowed bytes, among them hop-by-hop fields, {@code
 * Connection} lists naming other fields, the {@code X-Request-*} and {@code X-Forwarded-*} fields a
 * router sets, {@code Host} and {@code Expect}; framed by nothing, a {@code Content-Length} or
 * {@code chunked}. Header text is ISO-8859-1, one char per byte.
 */
final class ValidRequests {
  /** The names a router drops whatever {@code Connection} says (RFC 9110 7.6.1). */
  static final List<String> HOP_NAMES =
      List.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "upgrade",
          "proxy-authorization",
          "proxy-authenticate");

  static final Set<String> HOP = Set.copyOf(HOP_NAMES);

  private static final Set<String> SPECIAL =
      Set.of(
          "content-length",
          "transfer-encoding",
          "host",
          "expect",
          "x-request-id",
          "x-request-start");

  private static final String[] X_FIELDS = {
    "X-Request-Id", "X-Request-Start", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"
  };

  private ValidRequests() {}

  /** How a request's body is framed. */
  enum Framing {
    NONE,
    LENGTH,
    CHUNKED
  }

  /** A header field as sent: its value may have spaces and tabs around it. */
  record Field(String name, String value) {
    String lower() {
      return name.toLowerCase(Locale.ROOT);
    }

    String trimmed() {
      return ScriptedDyno.ows(value);
    }
  }

  /** A request head; {@code length}: the body's length for {@link Framing#LENGTH}. */
  record Head(
      String method,
      String target,
      boolean http11,
      List<Field> fields,
      Framing framing,
      long length) {
    /** The head's bytes: lines ended by CRLF, or at random by CRLF or a bare LF. */
    byte[] bytes(Random r, boolean crlfOnly) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      latin1(out, method + " " + target + (http11 ? " HTTP/1.1" : " HTTP/1.0"));
      eol(r, out, crlfOnly);
      for (Field f : fields) {
        latin1(out, f.name() + ":" + ows(r) + f.value() + ows(r));
        eol(r, out, crlfOnly);
      }
      eol(r, out, crlfOnly);
      return out.toByteArray();
    }
  }

  /** A request of up to {@code most} fields, framed as {@code framing} (none for HTTP/1.0). */
  static Head head(Random r, int most, Framing framing, long length) {
    boolean http11 = framing == Framing.CHUNKED || r.nextInt(5) > 0;
    List<Field> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean host = false;
    for (int n = r.nextInt(most + 1); n > 0; n--) {
      int kind = r.nextInt(12);
      if (kind < 6) {
        String name = ordinaryName(r);
        names.add(name);
        fields.add(new Field(name, latin1(ChunkedBodies.value(r))));
      } else if (kind == 6) {
        // from a list: a set's order changes from one JVM to the next, and the cases with it
        String hop = HOP_NAMES.get(r.nextInt(HOP_NAMES.size()));
        fields.add(new Field(anyCase(r, hop.equals("connection") ? "keep-alive" : hop), token(r)));
      } else if (kind == 7) {
        fields.add(new Field(anyCase(r, "connection"), connectionList(r, names)));
      } else if (kind == 8 || kind == 9) {
        String x = X_FIELDS[r.nextInt(X_FIELDS.length)];
        fields.add(new Field(anyCase(r, x), x.endsWith("Id") ? requestId(r) : token(r)));
      } else if (kind == 10 && !host) {
        host = true;
        fields.add(new Field(anyCase(r, "host"), "example.test:" + r.nextInt(65536)));
      } else {
        fields.add(new Field("Expect", r.nextBoolean() ? "100-continue" : token(r)));
      }
    }
    int at = r.nextInt(fields.size() + 1);
    switch (framing) {
      case LENGTH ->
          fields.add(at, new Field(anyCase(r, "content-length"), lengthValue(r, length)));
      case CHUNKED -> fields.add(at, new Field(anyCase(r, "transfer-encoding"), "chunked"));
      default -> {}
    }
    return new Head(method(r), target(r), http11, fields, framing, length);
  }

  /** The bytes of a request of up to 20 fields, any framing, CRLF or LF lines. */
  static byte[] anyHead(Random r) {
    Framing framing = Framing.values()[r.nextInt(3)];
    return head(r, 20, framing, r.nextInt(100_000)).bytes(r, false);
  }

  private static String lengthValue(Random r, long length) {
    return r.nextInt(4) == 0 ? length + ", " + length : Long.toString(length);
  }

  /** A token that is not a name the router treats apart. */
  static String ordinaryName(Random r) {
    while (true) {
      String name = token(r);
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HOP.contains(lower) && !SPECIAL.contains(lower) && !lower.startsWith("x-forwarded-")) {
        return name;
      }
    }
  }

  private static String connectionList(Random r, List<String> names) {
    List<String> listed = new ArrayList<>();
    for (int k = 1 + r.nextInt(3); k > 0; k--) {
      listed.add(
          switch (r.nextInt(4)) {
            case 0 -> r.nextBoolean() ? "close" : "Keep-Alive";
            case 1 -> token(r);
            default -> names.isEmpty() ? token(r) : anyCase(r, names.get(r.nextInt(names.size())));
          });
    }
    return String.join(r.nextBoolean() ? ", " : ",", listed);
  }

  private static String requestId(Random r) {
    if (r.nextBoolean()) {
      return token(r);
    }
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+=/";
    StringBuilder s = new StringBuilder();
    for (int n = 20 + r.nextInt(60); n > 0; n--) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  static String method(Random r) {
    String[] common = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    return r.nextBoolean() ? common[r.nextInt(common.length)] : ChunkedBodies.token(r);
  }

  /** A target of visible ASCII and obs-text, starting with a slash. */
  static String target(Random r) {
    StringBuilder s = new StringBuilder("/");
    for (int n = r.nextInt(100); n > 0; n--) {
      int c;
      do {
        c = r.nextInt(4) == 0 ? 0x80 + r.nextInt(0x80) : 0x21 + r.nextInt(0x5E);
      } while (c == 0x7F);
      s.append((char) c);
    }
    return s.toString();
  }

  static String token(Random r) {
    return ChunkedBodies.token(r);
  }

  static String anyCase(Random r, String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static String ows(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "";
      case 1 -> "\t";
      case 2 -> "  ";
      default -> " ";
    };
  }

  private static void eol(Random r, ByteArrayOutputStream out, boolean crlfOnly) {
    out.writeBytes(crlfOnly || r.nextInt(4) > 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
  }

  private static void latin1(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
