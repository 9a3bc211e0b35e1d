package dev.formation.cli.render;

import dev.formation.diag.Diagnostic;
import java.util.List;

/**
 * Diagnostics in markdown, for a pull-request comment: each a quote block, {@code >
 * **error[FM120]:** message}, its place and hint below it.
 */
public final class MarkdownDiagnostics {
  private MarkdownDiagnostics() {}

  /** Every diagnostic, each a quote block followed by a blank line. */
  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append(block(d)).append('\n');
    }
    return out.toString();
  }

  /** One diagnostic as a quote block. */
  public static String block(Diagnostic d) {
    StringBuilder out = new StringBuilder("> **");
    out.append(d.isError() ? "error" : "warning").append('[').append(d.code()).append("]:** ");
    if (d.range() != null) {
      out.append('`').append(escape(d.range().toString())).append("` ");
    }
    out.append(escape(d.message())).append('\n');
    if (d.hint() != null) {
      out.append(">\n> hint: ").append(escape(d.hint())).append('\n');
    }
    return out.toString();
  }

  /**
   * Keeps text from the file or a platform from opening HTML tags inside the comment, and shows
   * control characters escaped.
   */
  static String escape(String text) {
    return Printable.escape(text).replace("<", "&lt;").replace(">", "&gt;");
  }
}
