package dev.formation.cli.render;

import dev.formation.diag.Diagnostic;
import dev.formation.diag.SourceRange;
import dev.formation.diag.Sources;
import java.io.PrintWriter;
import java.util.List;

/**
 * Diagnostics for people, in the manner of compilers: {@code path:line:col: error[FM030]: msg}, the
 * source line, a caret under the column, then the hint.
 */
public final class TextDiagnostics {
  private final Sources sources;
  private final Colors colors;

  public TextDiagnostics(Sources sources, Colors colors) {
    this.sources = sources;
    this.colors = colors;
  }

  /** Prints every diagnostic, each followed by a blank line. */
  public void render(List<Diagnostic> diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      render(d, out);
      out.println();
    }
    out.flush();
  }

  /**
   * A diagnostic of no file inside another view (an app of a plan, of an apply report): {@code
   * error[FM120]: message}, then its hint on the next line, each line starting with {@code indent}.
   */
  public String inline(Diagnostic d, String indent) {
    String text = indent + headline(d) + "\n";
    if (d.hint() != null) {
      text += indent + "  " + colors.paint("cyan", "hint:") + " " + oneLine(d.hint()) + "\n";
    }
    return text;
  }

  /** {@code error[FM120]: message}, on one line. */
  public String headline(Diagnostic d) {
    String severity =
        d.isError()
            ? colors.paint("bold,red", "error[" + d.code() + "]")
            : colors.paint("bold,yellow", "warning[" + d.code() + "]");
    return severity + ": " + oneLine(d.message());
  }

  private void render(Diagnostic d, PrintWriter out) {
    SourceRange at = d.range();
    // a finding about no file (git, a platform, a saved plan) has no place to name
    String place =
        at == null ? "" : colors.paint("bold", Printable.escape(at.toString()) + ":") + " ";
    out.println(place + headline(d));
    String line = at == null ? null : sources.line(at.file(), at.line());
    if (line != null && !line.isBlank()) {
      Excerpt shown = excerpt(line, at);
      out.println(Printable.line(shown.line()));
      out.println(colors.paint("bold,green", caret(shown.line(), shown.at())));
    }
    if (d.hint() != null) {
      out.println("  " + colors.paint("cyan", "hint:") + " " + oneLine(d.hint()));
    }
  }

  /**
   * A message quotes names from the file, which may hold a line break or a terminal escape
   * (`"sh\nop":`); they are shown escaped so that each diagnostic keeps its one headline.
   */
  static String oneLine(String s) {
    return Printable.escape(s);
  }

  /** Source lines longer than this are shown as a window around the column. */
  static final int MAX_LINE = 160;

  private static final int BEFORE = 60;
  private static final String CUT = "...";

  /** A source line as shown, and the range shifted to match it. */
  record Excerpt(String line, SourceRange at) {}

  /**
   * The line itself, or for a very long one (minified JSON, a deeply nested flow list) about {@link
   * #MAX_LINE} characters around the column, with {@code ...} where it was cut.
   */
  static Excerpt excerpt(String line, SourceRange at) {
    if (line.length() <= MAX_LINE) {
      return new Excerpt(line, at);
    }
    int from = Math.max(0, Math.min(at.column() - 1, line.length()) - BEFORE);
    int to = Math.min(line.length(), from + MAX_LINE - 2 * CUT.length());
    String head = from > 0 ? CUT : "";
    String shown = head + line.substring(from, to) + (to < line.length() ? CUT : "");
    int shift = head.length() - from;
    int column = at.column() + shift;
    int endColumn =
        at.endLine() == at.line() ? Math.min(at.endColumn() + shift, to + shift + 1) : 0;
    SourceRange moved =
        new SourceRange(at.file(), at.line(), column, at.endLine(), Math.max(endColumn, column));
    return new Excerpt(shown, moved);
  }

  /**
   * Spaces up to the column (tabs kept, so the caret lines up; an escaped control character counts
   * as wide as its escape), then {@code ^~~} under the range.
   */
  static String caret(String line, SourceRange at) {
    StringBuilder b = new StringBuilder();
    int start = Math.min(at.column() - 1, line.length());
    for (int i = 0; i < start; i++) {
      char c = line.charAt(i);
      b.append(c == '\t' ? "\t" : " ".repeat(Printable.width(c)));
    }
    b.append('^');
    if (at.endLine() == at.line()) {
      int end = Math.min(at.endColumn() - 1, line.length());
      for (int i = start + 1; i < end; i++) {
        b.append("~".repeat(Printable.width(line.charAt(i))));
      }
    }
    return b.toString();
  }
}
