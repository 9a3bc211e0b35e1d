package dev.formation.platform.local.daemon.router;

import java.nio.charset.StandardCharsets;

/** The header names and tokens the router looks for, as lower-case bytes. */
final class Names {
  static final byte[] CONNECTION = b("connection");
  static final byte[] CONTENT_LENGTH = b("content-length");
  static final byte[] TRANSFER_ENCODING = b("transfer-encoding");
  static final byte[] HOST = b("host");
  static final byte[] EXPECT = b("expect");
  static final byte[] UPGRADE = b("upgrade");
  static final byte[] X_REQUEST_ID = b("x-request-id");
  static final byte[] X_REQUEST_START = b("x-request-start");
  static final byte[] X_FORWARDED = b("x-forwarded-");
  static final byte[] X_FORWARDED_FOR = b("x-forwarded-for");
  static final byte[] CLOSE = b("close");
  static final byte[] KEEP_ALIVE = b("keep-alive");
  static final byte[] CHUNKED = b("chunked");
  static final byte[] CONTINUE = b("100-continue");

  /** Headers of one hop only, never passed on (RFC 9110 7.6.1), besides what Connection lists. */
  private static final byte[][] HOP = {
    CONNECTION,
    KEEP_ALIVE,
    b("proxy-connection"),
    b("proxy-authenticate"),
    b("proxy-authorization"),
    b("te"),
    b("trailer"),
    UPGRADE
  };

  private Names() {}

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether field {@code i} of {@code f} is of this hop only. */
  static boolean hop(HeadFields f, int i, int connectionFields) {
    for (byte[] n : HOP) {
      if (f.named(i, n)) {
        return true;
      }
    }
    return f.listedBy(i, connectionFields);
  }
}
