package dev.formation.platform.heroku;

import dev.formation.platform.PlatformException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Where the Platform API and the metrics API live. Built from {@code --api-url}, else {@code
 * HEROKU_HOST}, else {@code https://api.heroku.com}; plain http is accepted for loopback hosts
 * only, because the bearer token travels with every request.
 *
 * @param api the Platform API base URL, without a trailing slash
 * @param metrics the metrics API base URL (autoscale monitors), without a trailing slash
 */
public record ApiEndpoint(URI api, URI metrics) {
  public static final URI DEFAULT_API = URI.create("https://api.heroku.com");
  public static final URI DEFAULT_METRICS = URI.create("https://api.metrics.heroku.com");

  /** Resolves the endpoint; {@code apiUrlOverride} ({@code --api-url}) may be {@code null}. */
  public static ApiEndpoint resolve(Map<String, String> env, String apiUrlOverride)
      throws PlatformException {
    String source;
    String url;
    String host = env.get("HEROKU_HOST");
    if (apiUrlOverride != null && !apiUrlOverride.isBlank()) {
      source = "--api-url";
      url = apiUrlOverride.trim();
    } else if (host != null && !host.isBlank()) {
      source = "HEROKU_HOST";
      url = host.trim().startsWith("http") ? host.trim() : "https://api." + host.trim();
    } else {
      return new ApiEndpoint(DEFAULT_API, DEFAULT_METRICS);
    }
    return of(parse(url, source));
  }

  /** The endpoint for this API URL, checking its scheme; metrics as docs/heroku.md says. */
  public static ApiEndpoint of(URI api) throws PlatformException {
    String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new PlatformException("the Heroku API URL must be https: " + api, 0, null, null);
    }
    if (api.getHost() == null) {
      throw new PlatformException("the Heroku API URL has no host: " + api, 0, null, null);
    }
    boolean loopback = isLoopback(api.getHost());
    if (scheme.equals("http") && !loopback) {
      throw new PlatformException(
          "refusing to send the Heroku API token over plain http to "
              + api.getHost()
              + ": use an https URL (plain http is allowed only for 127.0.0.1, ::1 or localhost)",
          0,
          null,
          null);
    }
    URI base = stripSlash(api);
    return new ApiEndpoint(base, scheme.equals("http") ? base : DEFAULT_METRICS);
  }

  /** The netrc machine names to try for this API, most specific first: host:port, then host. */
  public String[] netrcMachines() {
    String host = api.getHost();
    if (api.getPort() == -1) {
      return new String[] {host};
    }
    return new String[] {host + ":" + api.getPort(), host};
  }

  /** Whether a host is loopback, judged from its text alone so no lookup or traffic happens. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String o : octets) {
      if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
        return false;
      }
    }
    return true;
  }

  private static URI parse(String url, String source) throws PlatformException {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new PlatformException(source + " is not a valid URL: " + url, 0, null, null);
    }
  }

  private static URI stripSlash(URI uri) {
    String s = uri.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s);
  }
}
