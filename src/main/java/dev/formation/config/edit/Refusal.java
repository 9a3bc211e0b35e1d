package dev.formation.config.edit;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.SourceRange;

/** An edit that cannot be made, with where and why; unwinds one edit step. */
final class Refusal extends Exception {
  private final transient Diagnostic diagnostic;

  Refusal(Code code, String message, SourceRange at, String hint) {
    super(message, null, false, false);
    this.diagnostic = Diagnostic.error(code, message, at, hint);
  }

  Code code() {
    return diagnostic.code();
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}
