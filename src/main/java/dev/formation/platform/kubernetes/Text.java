package dev.formation.platform.kubernetes;

/** Text from outside (a plugin's stderr, a kubeconfig's names) made safe to show on one line. */
final class Text {
  private Text() {}

  /**
   * {@code text} trimmed, its lines joined with {@code " | "}, every other control character
   * escaped ({@code \x1b}, {@code \u202e}), and cut to {@code max} characters with an ellipsis.
   */
  static String clean(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String line : text.strip().split("\\R")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append(" | ");
      }
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e') {
          b.append(String.format(c < 0x100 ? "\\x%02x" : "\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    if (b.length() > max) {
      b.setLength(max);
      return b.toString().strip() + "…";
    }
    return b.toString();
  }
}
