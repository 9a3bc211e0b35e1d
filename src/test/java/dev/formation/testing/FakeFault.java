package dev.formation.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A failure the fake injects into the next {@code times} requests that match: an error status (429
 * with an optional {@code Retry-After}, or a 5xx with no body), a slow answer, a dropped connection
 * (closed without any response), a hostile answer of the test's making (any status, body and
 * headers: broken JSON, wrong types, 10 MB), a request carried out whose answer is garbled on the
 * way back, or a list that never stops paging.
 */
public final class FakeFault {
  enum Kind {
    STATUS,
    SLOW,
    DROP,
    ANSWER,
    GARBLED,
    ENDLESS_PAGES
  }

  final Kind kind;
  final int status;
  final Integer retryAfterSeconds;
  final Duration delay;
  String body;
  Map<String, String> headers = Map.of();
  private final AtomicInteger served = new AtomicInteger();
  private String method;
  private String pathRegex;
  private final AtomicInteger left = new AtomicInteger(1);

  private FakeFault(Kind kind, int status, Integer retryAfterSeconds, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.delay = delay;
  }

  /** 429 {@code rate_limit}, with {@code Retry-After} when {@code retryAfterSeconds} is set. */
  public static FakeFault rateLimited(Integer retryAfterSeconds) {
    return new FakeFault(Kind.STATUS, 429, retryAfterSeconds, null);
  }

  /** A 5xx with an empty body, as Heroku's router sends. */
  public static FakeFault serverError(int status) {
    return new FakeFault(Kind.STATUS, status, null, null);
  }

  /** The normal answer, after waiting this long. */
  public static FakeFault slow(Duration delay) {
    return new FakeFault(Kind.SLOW, 0, null, delay);
  }

  /** Closes the connection without answering. */
  public static FakeFault drop() {
    return new FakeFault(Kind.DROP, 0, null, null);
  }

  /**
   * Exactly this answer (with the headers every Heroku answer carries): a broken or hostile body, a
   * wrong status, odd headers. {@code body} may be null for none.
   */
  public static FakeFault answer(int status, String body, Map<String, String> headers) {
    FakeFault f = new FakeFault(Kind.ANSWER, status, null, null);
    f.body = body;
    f.headers = Map.copyOf(headers);
    return f;
  }

  /**
   * The request is carried out as usual (a write changes the app), but its answer's body arrives as
   * {@code body} with the real status: what a proxy that mangles answers, or a connection cut in
   * the middle of the body, leaves the client with.
   */
  public static FakeFault garbled(String body) {
    FakeFault f = new FakeFault(Kind.GARBLED, 0, null, null);
    f.body = body;
    return f;
  }

  /**
   * The real answer, but as {@code 206 Partial Content} with a fresh {@code Next-Range} every time,
   * so a client that follows it never reaches the end (use with a large {@link #times}).
   */
  public static FakeFault endlessPages() {
    return new FakeFault(Kind.ENDLESS_PAGES, 206, null, null);
  }

  /** The next {@code Next-Range} of an endless list. */
  String nextRange() {
    return "id ]page-" + served.incrementAndGet() + "..; max=200";
  }

  public FakeFault times(int n) {
    left.set(n);
    return this;
  }

  /** Only requests with this method whose path matches the regex. */
  public FakeFault on(String method, String pathRegex) {
    this.method = method;
    this.pathRegex = pathRegex;
    return this;
  }

  /** Whether this fault takes the request; consumes one use if so. */
  boolean take(String requestMethod, String path) {
    if ((method != null && !method.equals(requestMethod))
        || (pathRegex != null && !path.matches(pathRegex))) {
      return false;
    }
    return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  boolean spent() {
    return left.get() <= 0;
  }
}
