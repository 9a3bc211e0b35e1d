package dev.formation.platform.local.daemon.router;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The heads the router passes on: hop-by-hop headers out (RFC 9110 7.6.1, and whatever a {@code
 * Connection} header lists), the router's own in, as Heroku's router does.
 */
final class ProxyHeaders {
  /** Headers of one hop only, never passed on. */
  private static final Set<String> HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "upgrade");

  private ProxyHeaders() {}

  /**
   * The request as the dyno gets it: hop headers out, {@code Host} kept, {@code X-Request-Id},
   * {@code X-Request-Start} and {@code X-Forwarded-For/-Proto/-Port} set.
   *
   * @param client the address of the client, appended to {@code X-Forwarded-For}
   */
  static HttpRequest toDyno(ProxiedRequest r, String client, int routerPort) {
    HttpRequest req = r.req();
    HttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, req.method(), req.uri());
    HttpHeaders h = out.headers();
    Set<String> listed = connectionTokens(req.headers());
    req.headers()
        .forEach(
            e -> {
              String k = e.getKey().toLowerCase(Locale.ROOT);
              if (!HOP.contains(k)
                  && !listed.contains(k)
                  && !k.equals("x-request-id")
                  && !k.equals("x-request-start")
                  && !k.startsWith("x-forwarded-")) {
                h.add(e.getKey(), e.getValue());
              }
            });
    if (!req.protocolVersion().isKeepAliveDefault() && !h.contains(HttpHeaderNames.HOST)) {
      h.set(HttpHeaderNames.HOST, "127.0.0.1:" + routerPort);
    }
    String fwd = req.headers().get("X-Forwarded-For");
    h.set("X-Request-Id", r.id())
        .set("X-Request-Start", String.valueOf(r.startMillis()))
        .set("X-Forwarded-For", fwd == null || fwd.isBlank() ? client : fwd + ", " + client)
        .set("X-Forwarded-Proto", "http")
        .set("X-Forwarded-Port", String.valueOf(routerPort));
    if (r.upgrade()) {
      h.set(HttpHeaderNames.UPGRADE, req.headers().get(HttpHeaderNames.UPGRADE))
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
    }
    return out;
  }

  /** A {@code 1xx} head of the dyno's, as the client gets it. */
  static HttpResponse informational(HttpResponse res) {
    return copied(res);
  }

  /**
   * A final response head as the client gets it, and whether each connection can carry another
   * exchange after it.
   */
  record ClientHead(HttpResponse head, boolean dynoReusable, boolean clientKeepAlive) {}

  /**
   * @param requestDone whether the whole request body was in when the dyno answered
   * @param clientKeepAlive whether the client's connection stays open so far
   */
  static ClientHead toClient(
      HttpResponse res, HttpRequest req, boolean requestDone, boolean clientKeepAlive) {
    HttpResponse out = copied(res);
    boolean dynoReusable = HttpUtil.isKeepAlive(res);
    boolean framed =
        HttpUtil.isContentLengthSet(res)
            || HttpUtil.isTransferEncodingChunked(res)
            || req.method().equals(HttpMethod.HEAD)
            || res.status().code() == 204
            || res.status().code() == 304;
    if (!framed) {
      // the body ends when the dyno closes: chunk it for a 1.1 client, else close after it
      dynoReusable = false;
      if (req.protocolVersion().isKeepAliveDefault()) {
        HttpUtil.setTransferEncodingChunked(out, true);
      } else {
        clientKeepAlive = false;
      }
    }
    if (!requestDone) {
      // the dyno answered before the body was in: the rest of it cannot be told apart
      clientKeepAlive = false;
    }
    HttpUtil.setKeepAlive(out.headers(), req.protocolVersion(), clientKeepAlive);
    return new ClientHead(out, dynoReusable, clientKeepAlive);
  }

  private static HttpResponse copied(HttpResponse res) {
    HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, res.status());
    Set<String> listed = connectionTokens(res.headers());
    res.headers()
        .forEach(
            e -> {
              String k = e.getKey().toLowerCase(Locale.ROOT);
              if (!HOP.contains(k) && !listed.contains(k)) {
                out.headers().add(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  /** The header names a {@code Connection} header lists, which are of this hop only too. */
  private static Set<String> connectionTokens(HttpHeaders headers) {
    List<String> values = headers.getAll(HttpHeaderNames.CONNECTION);
    if (values.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (String v : values) {
      for (String t : v.split(",")) {
        names.add(t.trim().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
