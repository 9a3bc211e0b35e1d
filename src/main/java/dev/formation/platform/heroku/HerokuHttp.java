package dev.formation.platform.heroku;

import dev.formation.platform.PlatformException;
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
import java.util.UUID;

/**
 * Sends one API request with the headers Heroku requires, pacing, retries and tracing.
 *
 * <p>Retries: 429 and 503 are retried for every method (the request was refused, not processed).
 * Other 5xx, timeouts and dropped connections are retried only for GET and PATCH, which formation
 * only ever sends with absolute values, so repeating them is harmless; a POST (create monitor) is
 * then not repeated, because it may have been processed. A failure to connect at all is retried for
 * every method. {@code Retry-After} in seconds is honoured; the HTTP-date form is treated as
 * absent.
 */
final class HerokuHttp {
  static final String ACCEPT = "application/vnd.heroku+json; version=3";

  private final HerokuConfig config;
  private final HttpClient client;
  private final Throttle throttle;
  private final HttpTrace trace;

  HerokuHttp(HerokuConfig config) {
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.throttle = new Throttle(config.timing(), Throttle.REFILL_INTERVAL);
    this.trace = new HttpTrace(config.trace(), config.token().reveal());
  }

  /** Sends the request; returns a 2xx answer or throws with the API's message. */
  ApiResponse send(String method, URI uri, String body, String range, String app)
      throws PlatformException {
    RetryPolicy policy = config.retry();
    boolean repeatable = !method.equals("POST");
    long waitedMs = 0;
    for (int attempt = 1; ; attempt++) {
      Duration delay;
      ApiResponse r;
      try {
        throttle.acquire();
        r = exchange(method, uri, body, range);
      } catch (IOException e) {
        boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        delay = policy.backoff(attempt);
        if (attempt >= policy.maxAttempts()
            || !(repeatable || notSent)
            || waitedMs + delay.toMillis() > policy.maxTotalWait().toMillis()) {
          throw new PlatformException(unreachable(method, uri, e, attempt), e);
        }
        waitedMs += pause(delay, attempt, policy);
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
      boolean overBudget = waitedMs + delay.toMillis() > policy.maxTotalWait().toMillis();
      if (!retryable || attempt >= policy.maxAttempts() || overBudget) {
        String note =
            retryable && overBudget && retryAfter != null
                ? "the API asked to retry after "
                    + retryAfter / 1000
                    + " s, beyond the "
                    + policy.maxTotalWait().toSeconds()
                    + " s formation waits"
                : null;
        throw redacted(ApiErrors.from(method, uri, r, app, attempt, note));
      }
      waitedMs += pause(delay, attempt, policy);
    }
  }

  private ApiResponse exchange(String method, URI uri, String body, String range)
      throws IOException, InterruptedException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", ACCEPT);
    headers.put("Authorization", "Bearer " + config.token().reveal());
    headers.put("User-Agent", "formation/" + config.version());
    headers.put("Request-Id", UUID.randomUUID().toString());
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    if (range != null) {
      headers.put("Range", range);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout());
    headers.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    trace.request(method, uri, headers, body);
    long start = System.nanoTime();
    try {
      HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - start) / 1_000_000;
      throttle.observe(resp.headers());
      trace.response(method, uri, resp.statusCode(), ms, resp.headers());
      if (resp.statusCode() >= 400 && resp.body() != null && !resp.body().isBlank()) {
        trace.note(resp.body());
      }
      return new ApiResponse(resp.statusCode(), resp.headers(), resp.body());
    } catch (IOException e) {
      trace.failure(method, uri, (System.nanoTime() - start) / 1_000_000, describe(e));
      throw e;
    }
  }

  private long pause(Duration delay, int attempt, RetryPolicy policy) throws PlatformException {
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
