package dev.formation.platform.local.daemon.http;

/** What went wrong, in words for a person. */
public final class Failures {
  private Failures() {}

  /**
   * The exception's own message, or its first cause's that has one; never its class name (the
   * daemon log keeps those).
   */
  public static String describe(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? "failed" : m;
  }
}
