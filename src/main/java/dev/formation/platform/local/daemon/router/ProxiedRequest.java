package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.LocalClock;
import dev.formation.platform.local.daemon.http.RequestIds;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * A request the router is passing on, as it arrived: its head, its id, whether it asks for an
 * upgrade, and when it came (monotonic, for the response time; wall-clock, for {@code
 * X-Request-Start}).
 */
record ProxiedRequest(HttpRequest req, String id, boolean upgrade, long t0, long startMillis) {
  private static final Pattern PLAUSIBLE_ID = Pattern.compile("[-\\w.+=/]{20,200}");

  /** The client's {@code X-Request-Id} when it is a plausible one, else a new id. */
  static ProxiedRequest of(HttpRequest req, LocalClock clock) {
    boolean upgrade =
        req.headers().contains(HttpHeaderNames.UPGRADE)
            && req.headers()
                .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    String given = req.headers().get("X-Request-Id");
    String id = given != null && PLAUSIBLE_ID.matcher(given).matches() ? given : RequestIds.next();
    return new ProxiedRequest(req, id, upgrade, clock.nanoTime(), clock.now().toEpochMilli());
  }

  /** {@code method=GET path="/x"}, as the router's log lines name a request. */
  String named() {
    return "method=" + req.method() + " path=\"" + req.uri() + "\"";
  }
}
