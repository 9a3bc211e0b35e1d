package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.state.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may use the daemon's API: a request addressed to a loopback name (so that a web page whose
 * name was rebound to 127.0.0.1 is refused) carrying the bearer token. The token is compared in
 * constant time, as digests of equal length.
 */
public final class ApiAuth {
  private static final Pattern LOOPBACK_HOST =
      Pattern.compile(
          "(?:localhost|[-a-z0-9.]+\\.localhost|127(?:\\.\\d{1,3}){3}|\\[::1\\])(?::\\d{1,5})?");

  private final byte[] tokenDigest;

  public ApiAuth(String token) {
    if (token == null || token.length() < Token.MIN_LENGTH) {
      throw new IllegalArgumentException("the API token is too short");
    }
    this.tokenDigest = digest(token);
  }

  /**
   * Why a request's {@code Host} is refused (DNS rebinding), or null when it is a loopback name.
   */
  ApiError hostRefusal(String host) {
    return hostAllowed(host)
        ? null
        : new ApiError(
            403,
            "forbidden",
            "The local platform answers only requests addressed to 127.0.0.1 or localhost.");
  }

  /** Why a request's {@code Authorization} is refused (missing, or not the token), or null. */
  ApiError tokenRefusal(String authorization) {
    return authorized(authorization)
        ? null
        : new ApiError(401, "unauthorized", "Invalid credentials provided.");
  }

  static boolean hostAllowed(String host) {
    return host != null && LOOPBACK_HOST.matcher(host.trim().toLowerCase(Locale.ROOT)).matches();
  }

  private boolean authorized(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String given = authorization.substring(7).trim();
    // digests of equal length: the comparison takes as long whatever was sent
    return !given.isEmpty() && MessageDigest.isEqual(digest(given), tokenDigest);
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
