package dev.formation.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * An accumulating list of diagnostics, in the manner of Terraform's {@code tfdiags}: code adds to
 * it and carries on, and callers ask {@link #hasErrors()} at the end.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public Diagnostics add(Diagnostic diagnostic) {
    items.add(diagnostic);
    return this;
  }

  public Diagnostics addAll(Diagnostics other) {
    items.addAll(other.items);
    return this;
  }

  public Diagnostics error(Code code, String message, SourceRange range, String hint) {
    return add(Diagnostic.error(code, message, range, hint));
  }

  public Diagnostics warning(Code code, String message, SourceRange range, String hint) {
    return add(Diagnostic.warning(code, message, range, hint));
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** Every diagnostic, in file order (stable for findings at the same place). */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(Diagnostic.FILE_ORDER);
    return List.copyOf(copy);
  }

  public int errorCount() {
    return (int) items.stream().filter(Diagnostic::isError).count();
  }

  public int warningCount() {
    return items.size() - errorCount();
  }
}
