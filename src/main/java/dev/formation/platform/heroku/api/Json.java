package dev.formation.platform.heroku.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the adapter: tolerant of fields Heroku adds, strict on types. */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Json() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Reads a value, or throws {@link IllegalArgumentException} naming what was expected. */
  public static <T> T read(String body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("unexpected " + type.getSimpleName() + " JSON", e);
    }
  }

  public static <T> T read(String body, TypeReference<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("unexpected JSON list", e);
    }
  }
}
