package dev.formation.ui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Every answer of the page's server, with the same headers: only the page's own files may run (no
 * inline script), nothing frames it, nothing is sniffed or cached, and no CORS header ever.
 */
final class Responses {
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private Responses() {}

  static void text(HttpExchange exchange, int status, String message) throws IOException {
    send(
        exchange,
        status,
        "text/plain; charset=utf-8",
        (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    send(exchange, status, "application/json", UiJson.MAPPER.writeValueAsBytes(body));
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Content-Security-Policy", POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cache-Control", "no-store");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
