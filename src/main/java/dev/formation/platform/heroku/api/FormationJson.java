package dev.formation.platform.heroku.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A formation object: one process type of an app. {@code size} is the deprecated twin of {@code
 * dyno_size.name}, read only when the newer field is absent.
 */
public record FormationJson(
    NamedRef app,
    String command,
    @JsonProperty("dyno_size") NamedRef dynoSize,
    String id,
    Integer quantity,
    String size,
    String type,
    @JsonProperty("updated_at") String updatedAt) {

  @JsonIgnore
  public String sizeName() {
    return dynoSize != null && dynoSize.name() != null ? dynoSize.name() : size;
  }
}
