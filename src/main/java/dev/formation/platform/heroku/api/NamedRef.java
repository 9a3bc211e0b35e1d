package dev.formation.platform.heroku.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A reference to another resource by id and name ({@code app}, {@code dyno_size}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NamedRef(String id, String name) {
  public static NamedRef named(String name) {
    return new NamedRef(null, name);
  }
}
