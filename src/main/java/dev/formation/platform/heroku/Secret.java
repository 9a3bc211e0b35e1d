package dev.formation.platform.heroku;

/**
 * The API token, wrapped so that printing, logging or formatting it shows {@code [REDACTED]}; only
 * the adapter's own package can read the value, to put it in the {@code Authorization} header.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a token; refuses one that is blank or holds spaces or control characters (which would
   * break the header), without echoing it.
   */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the Heroku API token is empty");
    }
    String v = value.strip();
    if (!v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("the Heroku API token contains invalid characters");
    }
    return new Secret(v);
  }

  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return HttpTrace.REDACTED;
  }
}
