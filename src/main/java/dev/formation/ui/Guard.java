package dev.formation.ui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the page: a browser of this machine that was given the printed URL. Every request
 * needs a loopback {@code Host} (a foreign one means DNS rebinding: 403) and the token, from the
 * URL once and from an HttpOnly, SameSite=Strict cookie after (none: 401; a wrong one: 403); every
 * change is a POST carrying the page's CSRF value in a header, from the page's own origin.
 */
final class Guard {
  static final String COOKIE = "formation_ui";
  static final String CSRF_HEADER = "X-Formation-CSRF";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Why a request was turned away, or {@code null} when it may go on. */
  record Refusal(int status, String message) {}

  private final String token;
  private final String csrf;
  private final Set<String> hosts;
  private final String origin;

  Guard(int port) {
    this(port, random(), random());
  }

  Guard(int port, String token, String csrf) {
    this.token = token;
    this.csrf = csrf;
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    this.origin = "http://127.0.0.1:" + port;
  }

  /** 256 random bits, base64url without padding. */
  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  String token() {
    return token;
  }

  String csrf() {
    return csrf;
  }

  /** The checks every request passes, before anything is read or served. */
  Refusal check(HttpExchange exchange) {
    Headers h = exchange.getRequestHeaders();
    List<String> host = h.get("Host");
    if (host == null || host.size() != 1 || !hosts.contains(host.get(0).toLowerCase(Locale.ROOT))) {
      return new Refusal(403, "this page answers only to 127.0.0.1, localhost or [::1]");
    }
    String given = queryToken(exchange.getRequestURI().getRawQuery());
    if (given == null) {
      given = cookieToken(h.get("Cookie"));
    }
    if (given == null) {
      return new Refusal(401, "open the URL `formation ui` printed: it carries the token");
    }
    if (!same(given, token)) {
      return new Refusal(403, "the token is not this server's: open the URL it printed");
    }
    return null;
  }

  /** The extra checks of a request that changes something. */
  Refusal checkChange(HttpExchange exchange) {
    if (!exchange.getRequestMethod().equals("POST")) {
      return new Refusal(405, "changes are made with POST only");
    }
    Headers h = exchange.getRequestHeaders();
    String sent = h.getFirst(CSRF_HEADER);
    if (sent == null || !same(sent, csrf)) {
      return new Refusal(403, "the request lacks the page's CSRF value");
    }
    String from = h.getFirst("Origin");
    if (from != null && !from.equals(origin) && !hostOrigin(from)) {
      return new Refusal(403, "the request comes from another origin: " + from);
    }
    String site = h.getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return new Refusal(403, "the request comes from another site (" + site + ")");
    }
    return null;
  }

  /** Whether the URL carried the token (the first load), so the page should set the cookie. */
  boolean fromUrl(HttpExchange exchange) {
    return queryToken(exchange.getRequestURI().getRawQuery()) != null;
  }

  /** The cookie that carries the token from the first load on. */
  String cookie() {
    return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  }

  private boolean hostOrigin(String from) {
    return hosts.stream().anyMatch(hst -> from.equals("http://" + hst));
  }

  private static String queryToken(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("token=")) {
        return pair.substring("token=".length());
      }
    }
    return null;
  }

  private static String cookieToken(List<String> headers) {
    if (headers == null) {
      return null;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(COOKIE + "=")) {
          return p.substring(COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
