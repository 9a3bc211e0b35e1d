package dev.formation.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Passwords in URLs ({@code redis://:pw@host}, {@code postgres://u:pw@h/db}, {@code
 * ...?password=pw}): found so that a file holding one is refused, and masked to {@code ***} in
 * every message and quoted source line, so that no output shows one. One pass over the text, with
 * no backtracking: a hostile megabyte costs what reading it costs.
 */
public final class Credentials {
  public static final String MASK = "***";

  /** The longest scheme looked back for before {@code ://}. */
  private static final int SCHEME = 32;

  private static final List<String> QUERY_KEYS = List.of("password=", "pass=", "pwd=");

  private Credentials() {}

  /** Whether the text holds a URL with a password in it. */
  public static boolean present(String text) {
    return text != null && text.contains("://") && !passwords(text).isEmpty();
  }

  /** The text with the password of every URL in it replaced by {@code ***}. */
  public static String mask(String text) {
    return mask(text, MASK);
  }

  /** The text with the password of every URL in it replaced by {@code mask}. */
  public static String mask(String text, String mask) {
    if (text == null || !text.contains("://")) {
      return text;
    }
    List<int[]> found = passwords(text);
    if (found.isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    int at = 0;
    for (int[] p : found) {
      b.append(text, at, p[0]).append(mask);
      at = p[1];
    }
    return b.append(text, at, text.length()).toString();
  }

  /** The first password of a URL in the text, or {@code null} when it holds none. */
  public static String password(String text) {
    if (text == null || !text.contains("://")) {
      return null;
    }
    List<int[]> found = passwords(text);
    return found.isEmpty() ? null : text.substring(found.get(0)[0], found.get(0)[1]);
  }

  /** The {@code [start, end)} of every password, in order. */
  private static List<int[]> passwords(String text) {
    List<int[]> found = new ArrayList<>();
    int n = text.length();
    int from = 0;
    int sep;
    while ((sep = text.indexOf("://", from)) >= 0) {
      int urlEnd = sep + 3;
      while (urlEnd < n && !ends(text.charAt(urlEnd))) {
        urlEnd++;
      }
      if (scheme(text, sep)) {
        int authority = sep + 3;
        while (authority < urlEnd && "/?#".indexOf(text.charAt(authority)) < 0) {
          authority++;
        }
        int at = text.lastIndexOf('@', authority - 1);
        int colon = text.indexOf(':', sep + 3);
        if (at > sep + 3 && colon >= 0 && colon + 1 < at) {
          found.add(new int[] {colon + 1, at});
        }
        query(text, authority, urlEnd, found);
      }
      from = Math.max(urlEnd, sep + 3);
    }
    return found;
  }

  /** Whether a URL scheme (a letter, then letters, digits, {@code + . -}) ends at {@code sep}. */
  private static boolean scheme(String text, int sep) {
    int s = sep;
    while (s > 0 && sep - s < SCHEME && schemeChar(text.charAt(s - 1))) {
      s--;
    }
    while (s < sep && !Character.isLetter(text.charAt(s))) {
      s++;
    }
    return s < sep;
  }

  /** {@code ?password=...} or {@code &pass=...} in {@code [from, end)}. */
  private static void query(String text, int from, int end, List<int[]> found) {
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c != '?' && c != '&') {
        continue;
      }
      String rest = text.substring(i + 1, Math.min(end, i + 10)).toLowerCase(Locale.ROOT);
      for (String key : QUERY_KEYS) {
        if (rest.startsWith(key)) {
          int v = i + 1 + key.length();
          int e = v;
          while (e < end && text.charAt(e) != '&' && text.charAt(e) != '#') {
            e++;
          }
          if (e > v) {
            found.add(new int[] {v, e});
          }
          i = e - 1;
          break;
        }
      }
    }
  }

  private static boolean schemeChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '.'
        || c == '-';
  }

  /** Where a URL written in text ends: white space, a quote or a backquote. */
  private static boolean ends(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`';
  }
}
