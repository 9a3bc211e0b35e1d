package dev.formation.config.edit;

import dev.formation.config.yaml.YamlQuoting;
import dev.formation.diag.SourceRange;
import java.util.regex.Pattern;

/** Positions in a file's text: line and column of an offset, line ends, indentation. */
final class Text {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9_.]*");
  private static final Pattern TYPED =
      Pattern.compile(
          "[-+]?[0-9._]*([eE][-+]?[0-9]+)?|0[ox][0-9a-fA-F]+|(?i)true|false|null|yes|no|on|off|y|n|~");

  private final String file;
  private final String text;

  Text(String file, String text) {
    this.file = file;
    this.text = text;
  }

  String text() {
    return text;
  }

  /** The line break the file uses: CRLF when its first line ends so, else LF. */
  String lineBreak() {
    int nl = text.indexOf('\n');
    return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
  }

  /** Where the line holding {@code offset} ends, before its line break. */
  int lineEnd(int offset) {
    int i = offset;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  int lineStart(int offset) {
    int i = Math.min(offset, text.length());
    while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
      i--;
    }
    return i;
  }

  /** The 0-based column of {@code offset}. */
  int column(int offset) {
    return offset - lineStart(offset);
  }

  SourceRange range(int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        col++;
      }
    }
    return SourceRange.at(file, line, col);
  }

  /** A name or size as a YAML scalar: plain when that reads back as the same string. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !TYPED.matcher(s).matches()) {
      return s;
    }
    return YamlQuoting.doubleQuoted(s);
  }
}
