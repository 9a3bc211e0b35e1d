package dev.formation.planfile;

/** A saved plan file that cannot be read back: unreadable, not JSON, or not a formation plan. */
public class PlanFileException extends Exception {
  public PlanFileException(String message) {
    super(message);
  }

  public PlanFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
