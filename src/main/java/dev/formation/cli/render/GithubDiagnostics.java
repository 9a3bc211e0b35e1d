package dev.formation.cli.render;

import dev.formation.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/**
 * Diagnostics as GitHub Actions workflow commands ({@code ::error file=..,line=..::msg}), which
 * GitHub shows as annotations on the pull request's diff.
 */
public final class GithubDiagnostics {
  private GithubDiagnostics() {}

  public static void render(List<Diagnostic> diagnostics, PrintWriter out) {
    render(diagnostics, null, out);
  }

  /**
   * With {@code ref}, files read from git are named {@code REF:path}; an annotation needs the path
   * in the repository, so the annotation names the path and its title the ref.
   */
  public static void render(List<Diagnostic> diagnostics, String ref, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.println(line(d, ref));
    }
    out.flush();
  }

  static String line(Diagnostic d) {
    return line(d, null);
  }

  static String line(Diagnostic d, String ref) {
    StringBuilder b = new StringBuilder("::").append(d.isError() ? "error" : "warning").append(' ');
    String title = d.code().name();
    if (d.range() != null) {
      String file = d.range().file();
      if (ref != null && file.startsWith(ref + ":")) {
        file = file.substring(ref.length() + 1);
        title = title + " at " + ref;
      }
      b.append("file=").append(property(Printable.escape(file)));
      b.append(",line=").append(d.range().line());
      b.append(",col=").append(d.range().column());
      b.append(',');
    }
    b.append("title=").append(property(Printable.escape(title)));
    // Names from the file are shown escaped; the one real line break is the one before the hint.
    String message = data(Printable.escape(d.message()));
    if (d.hint() != null) {
      message += "%0Ahint: " + data(Printable.escape(d.hint()));
    }
    return b.append("::").append(message).toString();
  }

  /** Escapes a message per GitHub's workflow-command rules. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value, where {@code :} and {@code ,} are separators too. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
