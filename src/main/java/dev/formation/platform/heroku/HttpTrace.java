package dev.formation.platform.heroku;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code --debug} HTTP trace: method, URL, status, duration, request id and headers, with the
 * {@code Authorization} value shown as {@code Bearer [REDACTED]}. As a second guard, any occurrence
 * of the token in a line is replaced before the line reaches the sink.
 */
final class HttpTrace {
  static final String REDACTED = "[REDACTED]";

  private final Consumer<String> sink;
  private final String token;

  HttpTrace(Consumer<String> sink, String token) {
    this.sink = sink;
    this.token = token;
  }

  boolean enabled() {
    return sink != null;
  }

  void request(String method, URI uri, Map<String, String> headers, String body) {
    if (sink == null) {
      return;
    }
    StringBuilder sb = new StringBuilder("--> ").append(method).append(' ').append(uri);
    new TreeMap<>(headers).forEach((k, v) -> header(sb, k, v));
    if (body != null) {
      sb.append("\n    ").append(body);
    }
    emit(sb.toString());
  }

  void response(String method, URI uri, int status, long millis, HttpHeaders headers) {
    if (sink == null) {
      return;
    }
    StringBuilder sb = new StringBuilder("<-- ").append(status).append(' ').append(method);
    sb.append(' ').append(uri).append(" (").append(millis).append(" ms, request id ");
    sb.append(headers.firstValue("Request-Id").orElse("none")).append(')');
    new TreeMap<>(headers.map()).forEach((k, vs) -> vs.forEach(v -> header(sb, k, v)));
    emit(sb.toString());
  }

  void failure(String method, URI uri, long millis, String what) {
    emit("<-- " + method + " " + uri + " failed after " + millis + " ms: " + what);
  }

  void note(String line) {
    emit("    " + line);
  }

  private static void header(StringBuilder sb, String name, String value) {
    String shown =
        name.toLowerCase(Locale.ROOT).equals("authorization")
            ? value.split(" ", 2)[0] + " " + REDACTED
            : value;
    sb.append("\n    ").append(name).append(": ").append(shown);
  }

  private void emit(String line) {
    if (sink != null) {
      sink.accept(redact(line));
    }
  }

  /**
   * Replaces each occurrence of the exact token: one that stands on its own, not inside a longer
   * run of letters, digits, {@code -} and {@code _} (so a token that happens to be part of a word,
   * as in {@code ConnectException}, leaves that word alone).
   */
  String redact(String text) {
    if (text == null || token == null || token.isEmpty()) {
      return text;
    }
    StringBuilder b = null;
    int from = 0;
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      int end = at + token.length();
      if (at < from || tokenChar(text, at - 1) || tokenChar(text, end)) {
        continue;
      }
      if (b == null) {
        b = new StringBuilder(text.length());
      }
      b.append(text, from, at).append(REDACTED);
      from = end;
    }
    return b == null ? text : b.append(text, from, text.length()).toString();
  }

  private static boolean tokenChar(String s, int i) {
    if (i < 0 || i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }
}
