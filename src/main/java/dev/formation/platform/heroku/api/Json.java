package dev.formation.platform.heroku.api;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the adapter: tolerant of fields Heroku adds, strict on types. */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * One reader per type, its root deserializer found once: a plan reads the same two list types
   * hundreds of times, and {@code MAPPER.readValue(body, type)} resolves the type and looks the
   * deserializer up again on every call.
   */
  private static final Map<Type, ObjectReader> READERS = new ConcurrentHashMap<>();

  private Json() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Reads a value, or throws {@link IllegalArgumentException} naming what was expected. */
  public static <T> T read(String body, Class<T> type) {
    try {
      return READERS.computeIfAbsent(type, t -> MAPPER.readerFor(type)).readValue(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("unexpected " + type.getSimpleName() + " JSON", e);
    }
  }

  public static <T> T read(String body, TypeReference<T> type) {
    try {
      return READERS.computeIfAbsent(type.getType(), t -> MAPPER.readerFor(type)).readValue(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("unexpected JSON list", e);
    }
  }
}
