package dev.formation.autoscale.read;

import dev.formation.diag.Credentials;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Connection URLs without their secret: what a message may say of a queue's URL. URLs are found as
 * everywhere else ({@link Credentials}); a driver's message may also quote the password alone,
 * plain or percent-decoded, so that is hidden too.
 */
public final class Urls {
  static final String MASK = "****";

  private Urls() {}

  /** The URL's password, or {@code null} when it has none. */
  static String password(String url) {
    return Credentials.password(url);
  }

  /**
   * A text with every URL's password, and the given password wherever else it occurs (a driver's
   * message may quote it), replaced by {@code ****}.
   *
   * @param password a password to hide as well, or {@code null}
   */
  public static String mask(String text, String password) {
    if (text == null) {
      return "";
    }
    String masked = Credentials.mask(text, MASK);
    if (password != null && !password.isEmpty()) {
      masked = masked.replace(password, MASK);
      String decoded = decode(password);
      if (!decoded.isEmpty()) {
        masked = masked.replace(decoded, MASK);
      }
    }
    return masked;
  }

  /** The URL as a message may show it: its password, if any, replaced by {@code ****}. */
  public static String masked(String url) {
    return mask(url, password(url));
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }
}
