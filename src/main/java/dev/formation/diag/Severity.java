package dev.formation.diag;

/** How serious a diagnostic is: errors fail a command, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in every output format. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
