package dev.formation.platform.heroku.api;

import java.util.List;

/** The body of a batch formation PATCH: only {@code type}, {@code quantity}, {@code dyno_size}. */
public record BatchUpdateJson(List<Update> updates) {
  public BatchUpdateJson {
    updates = List.copyOf(updates);
  }

  /** One process type's update; null fields are left out of the JSON. */
  public record Update(String type, Integer quantity, NamedRef dynoSize) {}
}
