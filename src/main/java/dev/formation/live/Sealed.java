package dev.formation.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Text a shared plan must not show (a command), sealed to its digest: {@code sha256:} and 16 hex
 * digits. Saved plans and git notes keep digests; comparing two sealed forms compares the texts.
 */
public final class Sealed {
  private static final String PREFIX = "sha256:";

  private Sealed() {}

  /** The text's digest; a digest, and {@code null}, are returned as they are. */
  public static String of(String text) {
    if (text == null || text.startsWith(PREFIX)) {
      return text;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
