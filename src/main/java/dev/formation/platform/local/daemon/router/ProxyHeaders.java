package dev.formation.platform.local.daemon.router;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The heads the router passes on: hop-by-hop headers out (RFC 9110 7.6.1, and whatever a {@code
 * Connection} header lists), the router's own in, as Heroku's router does.
 *
 * <p>Every request and response takes this path, so it allocates little: names are compared without
 * lower-casing copies, and the copies skip Netty's header validation, which the HTTP codec already
 * did when it read the head (the router's own values are plain ASCII).
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

  private static final AsciiString[] HOP_NAMES =
      HOP.stream().map(AsciiString::cached).toArray(AsciiString[]::new);

  private static final AsciiString X_FORWARDED = AsciiString.cached("x-forwarded-");
  private static final AsciiString X_REQUEST_ID = AsciiString.cached("x-request-id");
  private static final AsciiString X_REQUEST_START = AsciiString.cached("x-request-start");

  /** Heads whose headers come from a head the codec has validated already. */
  private static final HttpHeadersFactory TRUSTED =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  private ProxyHeaders() {}

  /**
   * The request as the dyno gets it: hop headers out, {@code Host} kept, {@code X-Request-Id},
   * {@code X-Request-Start} and {@code X-Forwarded-For/-Proto/-Port} set.
   *
   * @param client the address of the client, appended to {@code X-Forwarded-For}
   */
  static HttpRequest toDyno(ProxiedRequest r, String client, int routerPort) {
    HttpRequest req = r.req();
    HttpRequest out =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, req.method(), req.uri(), TRUSTED);
    HttpHeaders h = out.headers();
    Set<String> listed = connectionTokens(req.headers());
    for (Iterator<Map.Entry<CharSequence, CharSequence>> i = req.headers().iteratorCharSequence();
        i.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> e = i.next();
      CharSequence k = e.getKey();
      if (!hop(k, listed)
          && !AsciiString.contentEqualsIgnoreCase(k, X_REQUEST_ID)
          && !AsciiString.contentEqualsIgnoreCase(k, X_REQUEST_START)
          && !AsciiString.regionMatches(k, true, 0, X_FORWARDED, 0, X_FORWARDED.length())) {
        h.add(k, e.getValue());
      }
    }
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
    HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, res.status(), TRUSTED);
    HttpHeaders h = out.headers();
    Set<String> listed = connectionTokens(res.headers());
    for (Iterator<Map.Entry<CharSequence, CharSequence>> i = res.headers().iteratorCharSequence();
        i.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> e = i.next();
      if (!hop(e.getKey(), listed)) {
        h.add(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** Whether a header is of this hop only: one of {@link #HOP}, or listed by {@code Connection}. */
  private static boolean hop(CharSequence name, Set<String> listed) {
    for (AsciiString n : HOP_NAMES) {
      if (AsciiString.contentEqualsIgnoreCase(name, n)) {
        return true;
      }
    }
    return !listed.isEmpty() && listed.contains(name.toString().toLowerCase(Locale.ROOT));
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
