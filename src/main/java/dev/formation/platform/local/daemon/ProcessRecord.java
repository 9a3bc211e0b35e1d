package dev.formation.platform.local.daemon;

/**
 * One process type of a local app as stored: its Procfile command and its formation.
 *
 * @param size the canonical size name ({@code Standard-1X})
 * @param updatedAt ISO-8601 instant of the last change
 */
public record ProcessRecord(
    String id,
    String type,
    String command,
    String size,
    int quantity,
    String createdAt,
    String updatedAt) {

  public ProcessRecord withFormation(String newSize, int newQuantity, String now) {
    return new ProcessRecord(id, type, command, newSize, newQuantity, createdAt, now);
  }

  public ProcessRecord withCommand(String newCommand, String now) {
    return new ProcessRecord(id, type, newCommand, size, quantity, createdAt, now);
  }
}
