package dev.formation.diag;

import java.util.Comparator;

/**
 * One finding about user input or an operation: a stable {@link Code}, a message that says what is
 * wrong, where, and optionally a hint that says how to fix it.
 *
 * @param range where it is; {@code null} for findings that belong to no file (a missing file)
 * @param hint how to fix it, or {@code null}
 */
public record Diagnostic(
    Severity severity, Code code, String message, SourceRange range, String hint) {

  /** File order: by file name, then line, then column; findings without a place come first. */
  public static final Comparator<Diagnostic> FILE_ORDER =
      Comparator.comparing(
              (Diagnostic d) -> d.range() == null ? "" : d.range().file(),
              Comparator.naturalOrder())
          .thenComparingInt(d -> d.range() == null ? 0 : d.range().line())
          .thenComparingInt(d -> d.range() == null ? 0 : d.range().column());

  public Diagnostic {
    if (severity == null || code == null || message == null) {
      throw new IllegalArgumentException("severity, code and message are required");
    }
    // a message or hint may quote a value of the file: never a password in it
    message = Credentials.mask(message);
    hint = Credentials.mask(hint);
  }

  public static Diagnostic error(Code code, String message, SourceRange range, String hint) {
    return new Diagnostic(Severity.ERROR, code, message, range, hint);
  }

  public static Diagnostic warning(Code code, String message, SourceRange range, String hint) {
    return new Diagnostic(Severity.WARNING, code, message, range, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
