package dev.formation.platform;

/**
 * One element of a batch formation update: an absolute quantity, a size, or both.
 *
 * @param quantity the absolute count to set, or {@code null} to leave it
 * @param size the size name to set, or {@code null} to leave it
 */
public record FormationUpdate(String type, Integer quantity, String size) {
  public FormationUpdate {
    if (type == null || (quantity == null && size == null)) {
      throw new IllegalArgumentException("an update needs a type and a quantity or size");
    }
    if (quantity != null && quantity < 0) {
      throw new IllegalArgumentException("quantity must be absolute and >= 0");
    }
  }
}
