package dev.formation.config.edit;

import dev.formation.config.yaml.SourceTree.Entry;
import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.config.yaml.SourceTree.Node;
import dev.formation.config.yaml.SourceTree.Scalar;
import dev.formation.config.yaml.SourceTree.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a document's tree again in the canonical layout (docs/fmt.md), carrying over its comments,
 * blank lines and markers: each is written before the node that followed it, a trailing comment at
 * the end of the line that held its node.
 */
final class Layout {
  private final String text;
  private final Styles styles;
  private final List<Trivia.Item> trivia;
  private final Set<Node> verbatim;
  private int next;
  private final List<StringBuilder> lines = new ArrayList<>();

  /** Which lines are block-scalar content, kept as they are (their spaces are the value's). */
  private final List<Boolean> raw = new ArrayList<>();

  /** Of each line a node starts: its column in the text, its indentation now. */
  private final List<int[]> starts = new ArrayList<>();

  private boolean pendingBlank;

  Layout(String text, List<Trivia.Item> trivia, Set<Node> verbatim) {
    this.text = text;
    this.styles = new Styles(text);
    this.trivia = trivia;
    this.verbatim = verbatim;
  }

  /** The text of the document whose root is {@code root}, lines ending with {@code eol}. */
  String write(Node root, String eol) {
    if (root instanceof Mapping m && !m.flow()) {
      String props = styles.properties(m);
      if (!props.isEmpty()) {
        newLine(m.start(), 0);
        append(props);
      }
      entries(m, 0, false);
    } else if (root instanceof Sequence q && !q.flow()) {
      String props = styles.properties(q);
      if (!props.isEmpty()) {
        newLine(q.start(), 0);
        append(props);
      }
      items(q, 0, false);
    } else {
      newLine(root.start(), 0);
      value(root, 0, column(root.start()), false);
    }
    flush(Integer.MAX_VALUE, 0, 0);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).toString();
      out.append(raw.get(i) ? line : line.stripTrailing()).append(eol);
    }
    return out.toString();
  }

  private void entries(Mapping m, int indent, boolean inlineFirst) {
    for (int i = 0; i < m.entries().size(); i++) {
      Entry e = m.entries().get(i);
      int col = column(e.key().start());
      if (i > 0 || !inlineFirst) {
        newLine(e.key().start(), indent);
      } else {
        starts.add(new int[] {col, indent});
      }
      append(styles.scalar(e.key()) + ":");
      value(e.value(), indent, col, false);
    }
  }

  private void items(Sequence q, int indent, boolean inlineFirst) {
    int from = q.start();
    for (int i = 0; i < q.items().size(); i++) {
      Node item = q.items().get(i);
      int dash = dash(from, item.start());
      if (i > 0 || !inlineFirst) {
        newLine(dash, indent);
      } else {
        starts.add(new int[] {column(dash), indent});
      }
      append("-");
      value(item, indent, column(dash), true);
      from = Math.max(item.end(), item.start());
    }
  }

  /** Writes a value after {@code key:} or {@code -} on the current line, and what it holds. */
  private void value(Node v, int indent, int column, boolean afterDash) {
    if (Styles.block(v)) {
      blockScalar((Scalar) v, indent, column);
    } else if (v instanceof Mapping m && !m.flow()) {
      String props = styles.properties(m);
      appendValue(props);
      if (afterDash && props.isEmpty()) {
        append(" ");
      }
      entries(m, indent + 2, afterDash && props.isEmpty());
    } else if (v instanceof Sequence q && !q.flow()) {
      String props = styles.properties(q);
      appendValue(props);
      if (afterDash && props.isEmpty()) {
        append(" ");
      }
      items(q, indent + 2, afterDash && props.isEmpty());
    } else if (verbatim.contains(v)) {
      verbatimFlow(v, indent);
    } else {
      appendValue(styles.inline(v));
    }
  }

  /** A flow collection that holds comments, as written, its lines moved with it. */
  private void verbatimFlow(Node v, int indent) {
    String[] parts = text.substring(v.start(), v.end()).split("\r?\n", -1);
    appendValue(parts[0]);
    int shift = current().length() - parts[0].length() - column(v.start());
    for (int k = 1; k < parts.length; k++) {
      String line = parts[k].stripTrailing();
      int spaces = line.length() - line.stripLeading().length();
      int to = line.isEmpty() ? 0 : Math.max(spaces + shift, indent + 2);
      addLine(" ".repeat(to) + line.stripLeading(), false);
    }
  }

  private void blockScalar(Scalar s, int indent, int keyColumn) {
    String props = String.join(" ", text.substring(s.start(), s.valueStart()).trim().split("\\s+"));
    int headerEnd = lineEnd(s.valueStart());
    String header = text.substring(s.valueStart(), headerEnd).stripTrailing();
    appendValue(props.isEmpty() ? header : props + " " + header);
    String indicator = header.substring(1).split("[\\s#]", 2)[0];
    boolean keep = indicator.contains("+");
    boolean explicit = indicator.chars().anyMatch(Character::isDigit);
    int bodyStart = text.indexOf('\n', headerEnd);
    if (bodyStart < 0 || bodyStart + 1 >= s.end()) {
      return;
    }
    List<String> body = new ArrayList<>();
    for (String line : text.substring(bodyStart + 1, s.end()).split("\n", -1)) {
      body.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    if (body.get(body.size() - 1).isEmpty()) {
      body.remove(body.size() - 1);
    }
    int trailing = 0;
    while (!keep && trailing < body.size() && body.get(body.size() - 1 - trailing).isBlank()) {
      trailing++;
    }
    List<String> content = body.subList(0, body.size() - trailing);
    int contentIndent =
        content.stream()
            .filter(l -> !l.isBlank())
            .findFirst()
            .map(l -> l.length() - l.stripLeading().length())
            .orElse(indent + 2);
    int shift = explicit ? indent - keyColumn : indent + 2 - contentIndent;
    for (String line : content) {
      boolean empty = line.isBlank() && line.length() <= contentIndent;
      addLine(empty ? "" : shift(line, shift), true);
    }
    if (trailing > 0) {
      pendingBlank = true;
    }
  }

  private static String shift(String line, int by) {
    if (by >= 0) {
      return " ".repeat(by) + line;
    }
    int cut = 0;
    while (cut < -by && cut < line.length() && line.charAt(cut) == ' ') {
      cut++;
    }
    return line.substring(cut);
  }

  /** Starts a line for the node written at {@code offset}, after what came before it. */
  private void newLine(int offset, int indent) {
    int col = column(offset);
    flush(offset, col, indent);
    blankIfPending();
    addLine(" ".repeat(indent), false);
    starts.add(new int[] {col, indent});
  }

  /**
   * Writes the comments, blank lines and markers before {@code limit}.
   *
   * @param col the column of the node that follows them in the text
   * @param indent its indentation now
   */
  private void flush(int limit, int col, int indent) {
    while (next < trivia.size() && trivia.get(next).offset() < limit) {
      Trivia.Item t = trivia.get(next++);
      switch (t.kind()) {
        case BLANK -> pendingBlank = !lines.isEmpty();
        case TRAILING -> {
          if (lines.isEmpty()) {
            addLine(t.text(), false);
            continue;
          }
          StringBuilder last = lines.get(lines.size() - 1);
          last.setLength(last.toString().stripTrailing().length());
          last.append(t.column() > last.length() ? " ".repeat(t.column() - last.length()) : " ");
          last.append(t.text());
        }
        case COMMENT -> {
          blankIfPending();
          addLine(" ".repeat(commentIndent(t.column(), col, indent)) + t.text(), false);
        }
        case MARKER -> {
          blankIfPending();
          addLine(t.text(), false);
        }
      }
    }
  }

  /**
   * A comment alone on its line is indented like the node after it, unless it was indented deeper
   * than that node: then like the nearest node before it, in the block that ends there, that was
   * indented as deep as the comment or less.
   */
  private int commentIndent(int column, int nextColumn, int nextIndent) {
    if (column <= nextColumn) {
      return nextIndent;
    }
    for (int k = starts.size() - 1; k >= 0; k--) {
      int[] s = starts.get(k);
      if (s[0] <= nextColumn) {
        break;
      }
      if (s[0] <= column) {
        return s[1];
      }
    }
    return nextIndent;
  }

  private void blankIfPending() {
    if (pendingBlank && !lines.isEmpty()) {
      addLine("", false);
    }
    pendingBlank = false;
  }

  private int dash(int from, int limit) {
    int i = from;
    while (i < limit) {
      char c = text.charAt(i);
      if (c == '#') {
        i = lineEnd(i);
      } else if (c == '-'
          && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        return i;
      } else {
        i++;
      }
    }
    return limit;
  }

  private void appendValue(String s) {
    if (s.isEmpty()) {
      return;
    }
    append(current().toString().isBlank() ? s : " " + s);
  }

  private void append(String s) {
    current().append(s);
  }

  private StringBuilder current() {
    return lines.get(lines.size() - 1);
  }

  private void addLine(String line, boolean isRaw) {
    lines.add(new StringBuilder(line));
    raw.add(isRaw);
  }

  private int column(int offset) {
    return offset - (text.lastIndexOf('\n', offset - 1) + 1);
  }

  private int lineEnd(int i) {
    int end = i;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }
}
