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
 * @param trace where {@code --debug} HTTP traces go, or {@code null} for none; called from several
 *     threads at once when apps are read in parallel, one whole request or response per call
 */
public record HerokuConfig(
    ApiEndpoint endpoint,
    Secret token,
    String version,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    Timing timing,
    Consumer<String> trace) {

  public HerokuConfig {
    if (endpoint == null || token == null || retry == null || timing == null) {
      throw new IllegalArgumentException("endpoint, token, retry and timing are required");
    }
  }

  /**
   * The configuration the Heroku CLI would use: endpoint from {@code apiUrlOverride} or {@code
   * HEROKU_HOST}, token from {@code HEROKU_API_KEY} or {@code home/.netrc}; default timeouts (10 s
   * connect, 30 s per request) and retries.
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
        endpoint, token, version, connectTimeout, requestTimeout, retry, timing, sink);
  }

  public HerokuConfig withTiming(Timing t, RetryPolicy r) {
    return new HerokuConfig(endpoint, token, version, connectTimeout, requestTimeout, r, t, trace);
  }

  public HerokuConfig withTimeouts(Duration connect, Duration request) {
    return new HerokuConfig(endpoint, token, version, connect, request, retry, timing, trace);
  }
}
