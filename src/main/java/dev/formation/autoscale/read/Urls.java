package dev.formation.autoscale.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connection URLs without their secret: what a message may say of a queue's URL. */
public final class Urls {
  /** {@code scheme://user:password@}: the password is everything up to the last {@code @}. */
  private static final Pattern CREDENTIALS =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*:)([^\\s]*)@");

  private Urls() {}

  /** The URL's password, or {@code null} when it has none. */
  static String password(String url) {
    Matcher m = CREDENTIALS.matcher(url);
    return m.find() && !m.group(2).isEmpty() ? m.group(2) : null;
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
    String masked = CREDENTIALS.matcher(text).replaceAll("$1****@");
    if (password != null && !password.isEmpty()) {
      masked = masked.replace(password, "****");
      String decoded = decode(password);
      if (!decoded.isEmpty()) {
        masked = masked.replace(decoded, "****");
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
      return java.net.URLDecoder.decode(
          part.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }
}
