package dev.formation.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the fake received, as tests assert on it.
 *
 * @param headers header names lowercased, values in arrival order
 * @param status what the fake answered, or 0 when it dropped the connection
 */
public record RecordedRequest(
    String method, String path, Map<String, List<String>> headers, String body, int status) {

  /** The first value of a header, any case, or {@code null}. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public boolean is(String method, String pathRegex) {
    return this.method.equals(method) && path.matches(pathRegex);
  }

  @Override
  public String toString() {
    return method
        + " "
        + path
        + " -> "
        + status
        + (body == null || body.isEmpty() ? "" : " " + body);
  }
}
