package dev.formation.platform.heroku.api;

/**
 * A formation object: one process type of an app. {@code size} is the deprecated twin of {@code
 * dyno_size.name}, read only when the newer field is absent.
 */
public record FormationJson(
    NamedRef app,
    String command,
    NamedRef dynoSize,
    String id,
    Integer quantity,
    String size,
    String type,
    String updatedAt) {

  /** The size's name: {@code dyno_size.name}, else the deprecated {@code size}. */
  public String sizeName() {
    return dynoSize != null && dynoSize.name() != null ? dynoSize.name() : size;
  }
}
