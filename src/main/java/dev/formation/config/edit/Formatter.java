package dev.formation.config.edit;

import dev.formation.config.yaml.SourceTree;
import dev.formation.config.yaml.SourceTree.Alias;
import dev.formation.config.yaml.SourceTree.Entry;
import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.config.yaml.SourceTree.Node;
import dev.formation.config.yaml.SourceTree.Scalar;
import dev.formation.config.yaml.SourceTree.Sequence;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YSeq;
import dev.formation.config.yaml.YamlReader;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code formation fmt}: a file's text in, the same document in the canonical layout out
 * (docs/fmt.md). Pure. Every comment, anchor, alias and key order is kept; the result is checked to
 * read back as the same data with the same comments and anchors, and to be laid out already (a
 * second pass changes nothing), or it is refused with FM179 and the text is left as it was.
 */
public final class Formatter {
  private Formatter() {}

  /**
   * The text of {@code text} in the canonical layout.
   *
   * @param file the file's name as diagnostics show it
   * @return the laid-out text (the given one when it is refused), no changes listed, and FM179 when
   *     the layout could not keep what the file says
   */
  public static EditResult format(String file, String text) {
    Diagnostics diags = new Diagnostics();
    String problem;
    String laid = text;
    try {
      laid = lay(text);
      problem = difference(file, text, laid);
      if (problem == null && !lay(laid).equals(laid)) {
        problem = "a second pass would lay it out differently";
      }
    } catch (SourceTree.Unreadable e) {
      problem = e.getMessage().lines().findFirst().orElse("").strip();
    }
    if (problem != null) {
      diags.error(
          Code.FM179,
          "`formation fmt` cannot lay out `" + file + "` and keep what it says: " + problem,
          SourceRange.file(file),
          "the file is unchanged; lay this part out by hand, and report the file as a limit of"
              + " `formation fmt`");
      return new EditResult(text, List.of(), diags);
    }
    return new EditResult(laid, List.of(), diags);
  }

  /** The canonical layout of {@code text}, not checked. */
  static String lay(String text) throws SourceTree.Unreadable {
    Node root = SourceTree.parse(text);
    List<int[]> opaque = new ArrayList<>();
    opaque(root, opaque);
    List<Trivia.Item> trivia = Trivia.scan(text, opaque);
    Set<Node> verbatim = Collections.newSetFromMap(new IdentityHashMap<>());
    verbatim(root, trivia, verbatim);
    if (!verbatim.isEmpty()) {
      opaque.clear();
      opaque(root, opaque, verbatim);
      trivia = Trivia.scan(text, opaque);
    }
    return new Layout(text, trivia, verbatim).write(root, new Text("", text).lineBreak());
  }

  /** What differs between what the texts say, or {@code null} when they say the same. */
  private static String difference(String file, String before, String after)
      throws SourceTree.Unreadable {
    YNode a = YamlReader.read(file, before, new Diagnostics());
    YNode b = YamlReader.read(file, after, new Diagnostics());
    if (a == null || b == null || !sameData(a, b)) {
      return "it would read as other data";
    }
    if (!comments(before).equals(comments(after))) {
      return "a comment would be lost or changed";
    }
    if (!anchors(SourceTree.parse(before), new ArrayList<>())
        .equals(anchors(SourceTree.parse(after), new ArrayList<>()))) {
      return "an anchor or alias would be lost";
    }
    return null;
  }

  /** The comments of {@code text} in written order. */
  static List<String> comments(String text) throws SourceTree.Unreadable {
    List<int[]> opaque = new ArrayList<>();
    opaque(SourceTree.parse(text), opaque);
    return Trivia.comments(Trivia.scan(text, opaque));
  }

  private static boolean sameData(YNode a, YNode b) {
    if (a instanceof YScalar x && b instanceof YScalar y) {
      return x.kind() == y.kind() && x.text().equals(y.text()) && Objects.equals(x.tag(), y.tag());
    }
    if (a instanceof YSeq x && b instanceof YSeq y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!sameData(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof YMap x && b instanceof YMap y) {
      if (x.entries().size() != y.entries().size()) {
        return false;
      }
      for (int i = 0; i < x.entries().size(); i++) {
        YMap.Entry e = x.entries().get(i);
        YMap.Entry f = y.entries().get(i);
        if (!e.key().equals(f.key()) || !sameData(e.value(), f.value())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static List<String> anchors(Node node, List<String> out) {
    if (node instanceof Alias alias) {
      out.add("*" + alias.name());
      return out;
    }
    if (node.anchor() != null) {
      out.add("&" + node.anchor());
    }
    if (node instanceof Mapping m) {
      for (Entry e : m.entries()) {
        anchors(e.key(), out);
        anchors(e.value(), out);
      }
    } else if (node instanceof Sequence q) {
      q.items().forEach(i -> anchors(i, out));
    }
    return out;
  }

  /** The ranges of every scalar and alias, in written order: no comment is inside one. */
  private static void opaque(Node node, List<int[]> out) {
    opaque(node, out, Set.of());
  }

  private static void opaque(Node node, List<int[]> out, Set<Node> whole) {
    if (node instanceof Scalar || node instanceof Alias || whole.contains(node)) {
      out.add(new int[] {node.start(), node.end()});
    } else if (node instanceof Mapping m) {
      for (Entry e : m.entries()) {
        opaque(e.key(), out, whole);
        opaque(e.value(), out, whole);
      }
    } else if (node instanceof Sequence q) {
      q.items().forEach(i -> opaque(i, out, whole));
    }
  }

  /** The flow collections written over several lines with comments inside: kept as written. */
  private static void verbatim(Node node, List<Trivia.Item> trivia, Set<Node> out) {
    boolean flow = node instanceof Mapping m && m.flow() || node instanceof Sequence q && q.flow();
    if (flow) {
      boolean commented =
          trivia.stream()
              .anyMatch(
                  t ->
                      t.offset() > node.start()
                          && t.offset() < node.end()
                          && (t.kind() == Trivia.Kind.COMMENT || t.kind() == Trivia.Kind.TRAILING));
      if (commented) {
        out.add(node);
      }
      return;
    }
    if (node instanceof Mapping m) {
      m.entries().forEach(e -> verbatim(e.value(), trivia, out));
    } else if (node instanceof Sequence q) {
      q.items().forEach(i -> verbatim(i, trivia, out));
    }
  }
}
