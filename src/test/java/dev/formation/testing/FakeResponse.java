package dev.formation.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** An answer of the fake: status, optional JSON body, and extra headers. */
record FakeResponse(int status, String body, Map<String, String> headers) {

  static FakeResponse json(int status, Object node) {
    return new FakeResponse(status, node.toString(), Map.of());
  }

  static FakeResponse error(int status, String id, String message) {
    return new FakeResponse(status, FakeJson.error(id, message), Map.of());
  }

  static FakeResponse error(FakeError e) {
    return error(e.status, e.id, e.getMessage());
  }

  static FakeResponse fault(FakeFault f) {
    if (f.kind == FakeFault.Kind.ANSWER) {
      return new FakeResponse(f.status, f.body, f.headers);
    }
    if (f.status == 429) {
      Map<String, String> h =
          f.retryAfterSeconds == null
              ? Map.of()
              : Map.of("Retry-After", String.valueOf(f.retryAfterSeconds));
      return new FakeResponse(
          429, FakeJson.error("rate_limit", "Your account reached the API rate limit"), h);
    }
    return new FakeResponse(f.status, null, Map.of());
  }

  /** Sends it with the headers every Heroku answer carries. */
  void send(HttpExchange ex, int remaining, String clientRequestId) throws IOException {
    var h = ex.getResponseHeaders();
    h.set("RateLimit-Remaining", String.valueOf(remaining));
    h.set("RateLimit-Multiplier", "1");
    h.set("Request-Id", clientRequestId != null ? clientRequestId : UUID.randomUUID().toString());
    headers.forEach(h::set);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null && !headers.containsKey("Content-Type")) {
      h.set("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
