package dev.formation.config.edit;

import dev.formation.config.yaml.SourceTree.Alias;
import dev.formation.config.yaml.SourceTree.Entry;
import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.config.yaml.SourceTree.Node;
import dev.formation.config.yaml.SourceTree.Scalar;
import dev.formation.config.yaml.SourceTree.Sequence;
import dev.formation.config.yaml.YamlQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical way to write a scalar, an alias or a flow collection on one line (docs/fmt.md): a
 * string in the plainest style that reads back as the same string, flow collections as {@code {a:
 * 1, b: 2}} and {@code [a, b]}.
 */
final class Styles {
  /**
   * A string that reads back as itself when written plain, in every YAML version and in Jackson's
   * typing: a letter first, then letters, digits and {@code _./-}, words separated by one space.
   */
  private static final Pattern SAFE_PLAIN =
      Pattern.compile("[A-Za-z][A-Za-z0-9_./-]*( [A-Za-z0-9_./-]+)*");

  /** Words some YAML reader takes for a boolean, a null or a number when they are not quoted. */
  private static final Set<String> TYPED_WORDS =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "infinity");

  private final String text;

  Styles(String text) {
    this.text = text;
  }

  /** Whether {@code value} may be written plain and read back as the same string. */
  static boolean safePlain(String value) {
    return SAFE_PLAIN.matcher(value).matches()
        && !TYPED_WORDS.contains(value.toLowerCase(Locale.ROOT));
  }

  /** The anchor and tag written before a collection's content, in written order, or {@code ""}. */
  String properties(Node node) {
    List<String> props = new ArrayList<>();
    int i = node.start();
    for (int k = 0; k < 2 && i < node.end(); k++) {
      char c = text.charAt(i);
      if (c != '&' && c != '!') {
        break;
      }
      int start = i;
      while (i < node.end() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      props.add(text.substring(start, i));
      while (i < node.end() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
    }
    return String.join(" ", props);
  }

  /** A scalar (not a block scalar), an alias or a flow collection on one line. */
  String inline(Node node) {
    if (node instanceof Alias alias) {
      return "*" + alias.name();
    }
    if (node instanceof Scalar scalar) {
      return scalar(scalar);
    }
    String props = properties(node);
    String prefix = props.isEmpty() ? "" : props + " ";
    List<String> parts = new ArrayList<>();
    if (node instanceof Mapping map) {
      for (Entry e : map.entries()) {
        String value = inline(e.value());
        parts.add(scalar(e.key()) + ":" + (value.isEmpty() ? "" : " " + value));
      }
      return prefix + "{" + String.join(", ", parts) + "}";
    }
    for (Node item : ((Sequence) node).items()) {
      parts.add(inline(item));
    }
    return prefix + "[" + String.join(", ", parts) + "]";
  }

  /** A scalar written on one line: as written when it is plain, else in the plainest safe style. */
  String scalar(Scalar s) {
    String props = String.join(" ", text.substring(s.start(), s.valueStart()).trim().split("\\s+"));
    String prefix = props.isEmpty() ? "" : props + " ";
    String written = text.substring(s.valueStart(), s.end());
    boolean oneLine = written.indexOf('\n') < 0 && written.indexOf('\r') < 0;
    if (s.tag() != null && oneLine || s.style().equals("plain") && oneLine) {
      return prefix + written;
    }
    return prefix + (safePlain(s.value()) ? s.value() : YamlQuoting.doubleQuoted(s.value()));
  }

  /** Whether the scalar is a block scalar ({@code |} or {@code >}). */
  static boolean block(Node node) {
    return node instanceof Scalar s && (s.style().equals("literal") || s.style().equals("folded"));
  }
}
