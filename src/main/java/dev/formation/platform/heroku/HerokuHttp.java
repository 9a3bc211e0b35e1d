package dev.formation.platform.heroku;

import dev.formation.platform.JdkHttpClients;
import dev.formation.platform.NoTls;
import dev.formation.platform.PlatformException;
import dev.formation.platform.RequestIds;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one API request with the headers Heroku requires, pacing, retries and tracing.
 *
 * <p>Retries: 429 and 503 are retried for every method (the request was refused, not processed).
 * Other 5xx, timeouts and dropped connections are retried only for GET and PATCH, which formation
 * only ever sends with absolute values, so repeating them is harmless; a POST (create monitor) is
 * then not repeated, because it may have been processed. A failure to connect at all is retried for
 * every method. {@code Retry-After} in seconds is honoured; the HTTP-date form is treated as
 * absent. One deadline ({@link HerokuConfig#deadline()}) bounds each request: connects, reads and
 * the waits between attempts all come out of it. Bodies are read up to {@link
 * LimitedBody#MAX_BYTES}.
 */
final class HerokuHttp {
  static final String ACCEPT = "application/vnd.heroku+json; version=3";

  /** A retry is not worth starting with less time than this left of the deadline. */
  static final Duration MIN_ATTEMPT = Duration.ofMillis(100);

  /** Error bodies in the trace are cut at this many characters. */
  private static final int MAX_TRACED_BODY = 4096;

  private final HerokuConfig config;
  private volatile HttpClient client;
  private final Throttle throttle;
  private final HttpTrace trace;
  private final LimitedBody bodies = new LimitedBody(LimitedBody.MAX_BYTES);

  HerokuHttp(HerokuConfig config) {
    this.config = config;
    this.throttle = new Throttle(config.timing(), Throttle.REFILL_INTERVAL);
    this.trace = new HttpTrace(config.trace(), config.token().reveal());
  }

  /**
   * The HTTP client, made on the first request: a command that fails before it sends one (a missing
   * token, an invalid config) never pays for it. When the API and the metrics API are both
   * plain-http loopback URLs (the local platform, a test fake), no TLS is set up at all: reading
   * the JDK's trust store costs tens of milliseconds that such a run never needs.
   */
  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          HttpClient.Builder b =
              HttpClient.newBuilder()
                  .connectTimeout(config.connectTimeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .version(HttpClient.Version.HTTP_1_1)
                  .executor(Runnable::run);
          if (plainHttp(config.endpoint())) {
            b.sslContext(NoTls.context());
          }
          client = c = JdkHttpClients.build(b);
        }
      }
    }
    return c;
  }

  /** Ends the HTTP client, if one was made; nothing is sent through this adapter afterwards. */
  void close() {
    JdkHttpClients.release(client);
  }

  private static boolean plainHttp(ApiEndpoint endpoint) {
    return "http".equalsIgnoreCase(endpoint.api().getScheme())
        && "http".equalsIgnoreCase(endpoint.metrics().getScheme());
  }

  /**
   * Sends the request; returns a 2xx answer or throws with the API's message. Every attempt, and
   * every wait between attempts, comes out of one {@link HerokuConfig#deadline()}.
   */
  ApiResponse send(String method, URI uri, String body, String range, String app)
      throws PlatformException {
    RetryPolicy policy = config.retry();
    boolean repeatable = !method.equals("POST");
    long deadline = config.timing().nanoTime() + config.deadline().toNanos();
    long waitedMs = 0;
    for (int attempt = 1; ; attempt++) {
      Duration delay;
      ApiResponse r;
      Duration left = left(deadline);
      try {
        throttle.acquire();
        left = left(deadline);
        if (left.isZero()) {
          throw new PlatformException(outOfTime(method, uri, attempt - 1, null), 0, null, null);
        }
        r = exchange(method, uri, body, range, min(config.requestTimeout(), left));
      } catch (IOException e) {
        boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        delay = policy.backoff(attempt);
        boolean timeLeft = fits(deadline, delay);
        if (attempt >= policy.maxAttempts()
            || !(repeatable || notSent)
            || !timeLeft
            || waitedMs + delay.toMillis() > policy.maxTotalWait().toMillis()) {
          String msg =
              timeLeft || !repeatable && !notSent
                  ? unreachable(method, uri, e, attempt)
                  : outOfTime(method, uri, attempt, e);
          throw new PlatformException(msg, e);
        }
        waitedMs += pause(delay, attempt, policy, null);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformException("interrupted while calling the Heroku API", e);
      }
      if (r.status() / 100 == 2) {
        return r;
      }
      boolean retryable =
          r.status() == 429 || r.status() == 503 || (repeatable && r.status() >= 500);
      Long retryAfter = retryAfterMillis(r);
      delay = retryAfter != null ? Duration.ofMillis(retryAfter) : policy.backoff(attempt);
      boolean overBudget =
          waitedMs + delay.toMillis() > policy.maxTotalWait().toMillis() || !fits(deadline, delay);
      if (!retryable || attempt >= policy.maxAttempts() || overBudget) {
        String note =
            retryable && overBudget && retryAfter != null
                ? "the API asked to retry after "
                    + retryAfter / 1000
                    + " s, beyond the "
                    + Math.min(policy.maxTotalWait().toSeconds(), config.deadline().toSeconds())
                    + " s formation waits"
                : null;
        throw redacted(ApiErrors.from(method, uri, r, app, attempt, note));
      }
      String notice =
          r.status() == 429
              ? "waiting "
                  + seconds(delay)
                  + " for the rate limit of the Heroku API ("
                  + method
                  + " "
                  + uri.getPath()
                  + ", attempt "
                  + (attempt + 1)
                  + " of "
                  + policy.maxAttempts()
                  + ")"
              : null;
      waitedMs += pause(delay, attempt, policy, notice);
    }
  }

  /** What is left of the deadline, never negative. */
  private Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - config.timing().nanoTime()));
  }

  /** Whether a wait of {@code delay} still leaves time for another attempt. */
  private boolean fits(long deadline, Duration delay) {
    return config.timing().nanoTime() + delay.toNanos() + MIN_ATTEMPT.toNanos() < deadline;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms < 1000 ? ms + " ms" : (ms + 999) / 1000 + " s";
  }

  private String outOfTime(String method, URI uri, int attempts, IOException last) {
    String msg =
        "no answer to "
            + method
            + " "
            + uri
            + " within "
            + config.deadline().toSeconds()
            + " s (the deadline of one request, retries included";
    msg += attempts > 0 ? "; " + attempts + (attempts == 1 ? " attempt" : " attempts") : "";
    msg += ")";
    if (last != null) {
      msg += ": " + describe(last);
    }
    return trace.redact(msg);
  }

  private ApiResponse exchange(String method, URI uri, String body, String range, Duration timeout)
      throws IOException, InterruptedException, PlatformException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", ACCEPT);
    headers.put("Authorization", "Bearer " + config.token().reveal());
    headers.put("User-Agent", "formation/" + config.version());
    headers.put("Request-Id", RequestIds.next());
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    if (range != null) {
      headers.put("Range", range);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    trace.request(method, uri, headers, body);
    long start = System.nanoTime();
    try {
      HttpResponse<LimitedBody.Body> resp = client().send(b.build(), bodies);
      long ms = (System.nanoTime() - start) / 1_000_000;
      throttle.observe(resp.headers());
      trace.response(method, uri, resp.statusCode(), ms, resp.headers());
      String text = resp.body().text();
      if (resp.body().tooLarge()) {
        String requestId = resp.headers().firstValue("Request-Id").orElse(null);
        throw new PlatformException(
            "the Heroku API answered "
                + method
                + " "
                + uri.getPath()
                + " with more than "
                + LimitedBody.MAX_BYTES / (1024 * 1024)
                + " MiB, which is no answer formation expects (HTTP "
                + resp.statusCode()
                + ", request id "
                + (requestId == null ? "none" : requestId)
                + ")",
            resp.statusCode(),
            null,
            requestId);
      }
      if (resp.statusCode() >= 400 && text != null && !text.isBlank()) {
        trace.note(
            text.length() <= MAX_TRACED_BODY ? text : text.substring(0, MAX_TRACED_BODY) + "...");
      }
      return new ApiResponse(resp.statusCode(), resp.headers(), text);
    } catch (IOException e) {
      trace.failure(method, uri, (System.nanoTime() - start) / 1_000_000, describe(e));
      throw e;
    }
  }

  private long pause(Duration delay, int attempt, RetryPolicy policy, String notice)
      throws PlatformException {
    if (notice != null && config.notice() != null) {
      config.notice().accept(notice);
    }
    if (trace.enabled()) {
      trace.note(
          "retrying in "
              + delay.toMillis()
              + " ms (attempt "
              + (attempt + 1)
              + " of "
              + policy.maxAttempts()
              + ")");
    }
    try {
      config.timing().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while waiting to retry a Heroku API call", e);
    }
    return delay.toMillis();
  }

  /** The API's own message is shown as given, except for the token should a server echo it. */
  private PlatformException redacted(PlatformException e) {
    String message = trace.redact(e.getMessage());
    return message.equals(e.getMessage())
        ? e
        : new PlatformException(message, e.status(), e.errorId(), e.requestId());
  }

  private static Long retryAfterMillis(ApiResponse r) {
    String v = r.headers().firstValue("Retry-After").orElse(null);
    if (v == null || !v.strip().matches("\\d{1,6}")) {
      return null;
    }
    return Long.parseLong(v.strip()) * 1000;
  }

  private String unreachable(String method, URI uri, IOException e, int attempts) {
    String msg = "could not complete " + method + " " + uri + ": " + describe(e);
    if (attempts > 1) {
      msg += " (gave up after " + attempts + " attempts)";
    }
    return trace.redact(msg);
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return m == null || m.isBlank() ? kind : kind + ": " + m;
  }
}
