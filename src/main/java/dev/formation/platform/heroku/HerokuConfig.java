package dev.formation.platform.heroku;

import dev.formation.platform.PlatformException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the Heroku adapter needs to talk to the API. The token is a {@link Secret}, so it
 * never shows in {@link #toString()}.
 *
 * @param version formation's version, sent in {@code User-Agent}
 * @param requestTimeout the most one attempt may take, connecting included
 * @param trace where {@code --debug} HTTP traces go, or {@code null} for none; called from several
 *     threads at once when apps are read in parallel, one whole request or response per call
 * @param deadline the most one request may take in all: every attempt's connect and read, and the
 *     waits between attempts; a black-holed API fails each request after this, not after five
 *     request timeouts
 * @param notice where waits a user should hear of go ("waiting 12 s for the rate limit ..."), or
 *     {@code null}; called from several threads, one line per call
 */
public record HerokuConfig(
    ApiEndpoint endpoint,
    Secret token,
    String version,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    Timing timing,
    Consumer<String> trace,
    Duration deadline,
    Consumer<String> notice) {

  /** One minute per request, retries and their waits included. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  public HerokuConfig {
    if (endpoint == null || token == null || retry == null || timing == null) {
      throw new IllegalArgumentException("endpoint, token, retry and timing are required");
    }
    if (deadline == null) {
      deadline = DEFAULT_DEADLINE;
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the request deadline must be positive");
    }
  }

  /** A configuration with the default deadline and no notices. */
  public HerokuConfig(
      ApiEndpoint endpoint,
      Secret token,
      String version,
      Duration connectTimeout,
      Duration requestTimeout,
      RetryPolicy retry,
      Timing timing,
      Consumer<String> trace) {
    this(
        endpoint,
        token,
        version,
        connectTimeout,
        requestTimeout,
        retry,
        timing,
        trace,
        DEFAULT_DEADLINE,
        null);
  }

  /**
   * The configuration the Heroku CLI would use: endpoint from {@code apiUrlOverride} or {@code
   * HEROKU_HOST}, token from {@code HEROKU_API_KEY} or {@code home/.netrc}; default timeouts (10 s
   * connect, 30 s per attempt, 60 s per request with its retries) and retries.
   */
  public static HerokuConfig fromEnvironment(
      Map<String, String> env, Path home, String apiUrlOverride, String version)
      throws PlatformException {
    ApiEndpoint endpoint = ApiEndpoint.resolve(env, apiUrlOverride);
    String token =
        findToken(env, home, endpoint)
            .orElseThrow(
                () ->
                    new PlatformException(
                        "no Heroku API token for "
                            + endpoint.api().getHost()
                            + ": set HEROKU_API_KEY or run `heroku login`",
                        0,
                        null,
                        null));
    try {
      return new HerokuConfig(
          endpoint,
          Secret.of(token),
          version,
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          RetryPolicy.DEFAULT,
          Timing.SYSTEM,
          null);
    } catch (IllegalArgumentException e) {
      throw new PlatformException(e.getMessage(), 0, null, null);
    }
  }

  private static Optional<String> findToken(
      Map<String, String> env, Path home, ApiEndpoint endpoint) throws PlatformException {
    String key = env.get("HEROKU_API_KEY");
    if (key != null && !key.isBlank()) {
      return Optional.of(key);
    }
    Path file = home == null ? null : home.resolve(".netrc");
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Netrc netrc;
    try {
      netrc = Netrc.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PlatformException("cannot read " + file + ": " + e.getMessage(), e);
    }
    for (String machine : endpoint.netrcMachines()) {
      if (netrc.hasMachine(machine)) {
        return netrc.password(machine);
      }
    }
    return netrc.password(endpoint.netrcMachines()[0]);
  }

  public HerokuConfig withTrace(Consumer<String> sink) {
    return new HerokuConfig(
        endpoint,
        token,
        version,
        connectTimeout,
        requestTimeout,
        retry,
        timing,
        sink,
        deadline,
        notice);
  }

  public HerokuConfig withTiming(Timing t, RetryPolicy r) {
    return new HerokuConfig(
        endpoint, token, version, connectTimeout, requestTimeout, r, t, trace, deadline, notice);
  }

  public HerokuConfig withTimeouts(Duration connect, Duration request) {
    return new HerokuConfig(
        endpoint, token, version, connect, request, retry, timing, trace, deadline, notice);
  }

  /** The same with another deadline for one request, retries and waits included. */
  public HerokuConfig withDeadline(Duration d) {
    return new HerokuConfig(
        endpoint, token, version, connectTimeout, requestTimeout, retry, timing, trace, d, notice);
  }

  /** The same, telling {@code sink} of waits a user should hear about (a rate limit). */
  public HerokuConfig withNotice(Consumer<String> sink) {
    return new HerokuConfig(
        endpoint,
        token,
        version,
        connectTimeout,
        requestTimeout,
        retry,
        timing,
        trace,
        deadline,
        sink);
  }
}
