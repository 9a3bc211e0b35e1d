package dev.formation.platform.heroku.api;

/** A reference to another resource by id and name ({@code app}, {@code dyno_size}). */
public record NamedRef(String id, String name) {
  public static NamedRef named(String name) {
    return new NamedRef(null, name);
  }
}
