package dev.formation.config.yaml;

/**
 * Writing a string as a YAML double-quoted scalar: the one spelling both the file editor ({@code
 * scale}, {@code fmt}) and the YAML formation views ({@code import}) use.
 */
public final class YamlQuoting {
  private YamlQuoting() {}

  /** {@code s} double-quoted: backslash and quote escaped, control characters as {@code \xNN}. */
  public static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
