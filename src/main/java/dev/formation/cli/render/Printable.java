package dev.formation.cli.render;

/**
 * The one place that decides how text from outside (a file, a platform's answer, a path) is shown:
 * every character a terminal would act on instead of showing is escaped, so that an API error
 * holding {@code ESC [31m}, an OSC title sequence, a BEL or a {@code \r} shows as those characters'
 * names and cannot recolour, retitle or overwrite the screen.
 *
 * <p>Escaped: C0 and C1 controls, DEL, and the invisible format characters (bidirectional
 * overrides, zero-width marks, line and paragraph separators). {@code \n}, {@code \r} and {@code
 * \t} are shown as such, every other one as {@code \u001b}.
 */
public final class Printable {
  private Printable() {}

  /** Whether a terminal would act on {@code codePoint} rather than show it. */
  public static boolean unsafe(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** {@code s} on one line, every unsafe character escaped (null stays null). */
  public static String escape(String s) {
    return s == null ? null : escape(s, false);
  }

  /** As {@link #escape(String)}, but tabs are kept: a source line shown above a caret. */
  public static String line(String s) {
    return escape(s, true);
  }

  /** How many characters {@code c} takes once escaped: 1 when it is shown as it is. */
  public static int width(char c) {
    return unsafe(c) && c != '\t' ? escaped(c).length() : 1;
  }

  private static String escape(String s, boolean keepTabs) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c) && !(keepTabs && c == '\t')) {
        if (b == null) {
          b = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        b.append(escaped(c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** The escaped form of one unsafe character. */
  static String escaped(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> String.format("\\u%04x", (int) c);
    };
  }
}
