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

  String redact(String text) {
    return text == null || token == null ? text : text.replace(token, REDACTED);
  }
}
