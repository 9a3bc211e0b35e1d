package dev.formation.config.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * What a YAML text holds between its nodes that a new layout must carry over: comments, blank lines
 * and document markers ({@code ---}, {@code ...}, {@code %} directives). Scalars (quoted, block,
 * plain over several lines) are skipped whole, so a {@code #} inside one is never a comment.
 */
final class Trivia {
  /** The kinds of item. */
  enum Kind {
    /** A comment alone on its line. */
    COMMENT,
    /** A comment after something on its line. */
    TRAILING,
    /** A line holding only white space. */
    BLANK,
    /** A document marker or directive at the start of a line. */
    MARKER
  }

  /**
   * One item.
   *
   * @param offset where it starts in the text
   * @param column its 0-based column
   * @param text the comment or marker as written, without trailing white space; {@code ""} for a
   *     blank line
   */
  record Item(Kind kind, int offset, int column, String text) {}

  private Trivia() {}

  /**
   * The items of {@code text}, in order.
   *
   * @param opaque the {@code [start, end)} ranges of the scalars and of anything else to skip,
   *     sorted by start and not overlapping
   */
  static List<Item> scan(String text, List<int[]> opaque) {
    List<Item> items = new ArrayList<>();
    int n = text.length();
    int r = 0;
    int lineStart = 0;
    boolean content = false;
    int i = 0;
    while (i < n) {
      while (r < opaque.size() && opaque.get(r)[1] <= i) {
        r++;
      }
      if (r < opaque.size() && opaque.get(r)[0] <= i) {
        i = opaque.get(r)[1];
        r++;
        if (i > 0 && text.charAt(i - 1) == '\n') {
          lineStart = i;
          content = false;
        } else {
          content = true;
          lineStart = text.lastIndexOf('\n', i - 1) + 1;
        }
        continue;
      }
      char c = text.charAt(i);
      if (c == '\n') {
        if (!content) {
          items.add(new Item(Kind.BLANK, lineStart, 0, ""));
        }
        i++;
        lineStart = i;
        content = false;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '#') {
        int end = lineEnd(text, i);
        Kind kind = content ? Kind.TRAILING : Kind.COMMENT;
        items.add(new Item(kind, i, i - lineStart, text.substring(i, end).stripTrailing()));
        content = true;
        i = end;
      } else if (i == lineStart && marker(text, i)) {
        int end = c == '%' ? commentOrEnd(text, i) : i + 3;
        items.add(new Item(Kind.MARKER, i, 0, text.substring(i, end).stripTrailing()));
        content = true;
        i = end;
      } else {
        content = true;
        i++;
      }
    }
    return items;
  }

  /** The comments of {@code items}, as written, in order. */
  static List<String> comments(List<Item> items) {
    return items.stream()
        .filter(t -> t.kind() == Kind.COMMENT || t.kind() == Kind.TRAILING)
        .map(Item::text)
        .toList();
  }

  private static boolean marker(String text, int i) {
    if (text.charAt(i) == '%') {
      return true;
    }
    if (!text.startsWith("---", i) && !text.startsWith("...", i)) {
      return false;
    }
    return i + 3 >= text.length() || Character.isWhitespace(text.charAt(i + 3));
  }

  private static int lineEnd(String text, int i) {
    int end = i;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  private static int commentOrEnd(String text, int i) {
    int end = lineEnd(text, i);
    int hash = text.indexOf(" #", i);
    return hash >= 0 && hash < end ? hash : end;
  }
}
