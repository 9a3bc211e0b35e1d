package dev.formation.diag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords in URLs ({@code redis://:pw@host}, {@code postgres://u:pw@h/db}, {@code
 * ...?password=pw}): found so that a file holding one is refused, and masked to {@code ***} in
 * every message and quoted source line, so that no output shows one.
 */
public final class Credentials {
  /** {@code scheme://user:password@}: the password is group 2. */
  private static final Pattern USERINFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/?#@:`'\"]*:)([^\\s/?#@`'\"]+)@");

  /** {@code ?password=...} or {@code &password=...} of a URL's query. */
  private static final Pattern QUERY =
      Pattern.compile(
          "([a-zA-Z][a-zA-Z0-9+.-]*://\\S*?[?&](?i:password|pass|pwd)=)([^&\\s#`'\"]+)");

  public static final String MASK = "***";

  private Credentials() {}

  /** Whether the text holds a URL with a password in it. */
  public static boolean present(String text) {
    return text != null
        && text.contains("://")
        && (USERINFO.matcher(text).find() || QUERY.matcher(text).find());
  }

  /** The text with the password of every URL in it replaced by {@code ***}. */
  public static String mask(String text) {
    if (text == null || !text.contains("://")) {
      return text;
    }
    return replace(QUERY, replace(USERINFO, text));
  }

  private static String replace(Pattern p, String text) {
    Matcher m = p.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String tail = p == USERINFO ? "@" : "";
      m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + MASK + tail));
    }
    m.appendTail(b);
    return b.toString();
  }
}
