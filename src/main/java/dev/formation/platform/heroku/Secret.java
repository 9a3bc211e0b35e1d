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
   * A real token is far longer (Heroku's are 36 or more characters). Below this, a value is a
   * mistake ({@code HEROKU_API_KEY=x}), and redacting it would mangle ordinary text: a token of
   * {@code heroku} would turn {@code https://api.heroku.com} into {@code
   * https://api.[REDACTED].com}.
   */
  public static final int MIN_LENGTH = 8;

  /**
   * Wraps a token; refuses one that is blank, shorter than {@link #MIN_LENGTH}, or holds spaces or
   * control characters (which would break the header), without echoing it.
   */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the Heroku API token is empty");
    }
    String v = value.strip();
    if (!v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("the Heroku API token contains invalid characters");
    }
    if (v.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "the Heroku API token is only "
              + v.length()
              + (v.length() == 1 ? " character" : " characters")
              + " long, which is no API key: set HEROKU_API_KEY to the output of"
              + " `heroku auth:token`, or run `heroku login`");
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
