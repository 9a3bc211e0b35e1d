package dev.formation.config;

import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YSeq;
import dev.formation.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in a config tree as the keys (and list indexes) that lead to it, with the lookups that
 * turn it back into a node and a source range. Public for the block readers of platform providers.
 */
public record TreePath(List<Object> steps) {
  public static final TreePath ROOT = new TreePath(List.of());

  public TreePath {
    steps = List.copyOf(steps);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreePath p && steps.equals(p.steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  /**
   * The place a walk of a tree stands at, as a stack of steps: a {@link TreePath} is made only when
   * asked for (a finding), and most places of a file have none.
   */
  static final class Walk {
    private final List<Object> steps = new ArrayList<>();

    void enter(Object step) {
      steps.add(step);
    }

    void leave() {
      steps.remove(steps.size() - 1);
    }

    TreePath here() {
      return new TreePath(steps);
    }
  }

  public TreePath then(Object step) {
    List<Object> more = new ArrayList<>(steps);
    more.add(step);
    return new TreePath(more);
  }

  public int size() {
    return steps.size();
  }

  public String name(int i) {
    return String.valueOf(steps.get(i));
  }

  public String last() {
    return steps.isEmpty() ? "" : name(steps.size() - 1);
  }

  /** Whether this path is {@code pattern}, where {@code *} matches any one step. */
  public boolean matches(String... pattern) {
    if (pattern.length != steps.size()) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].equals("*") && !pattern[i].equals(name(i))) {
        return false;
      }
    }
    return true;
  }

  /** What the path leads to in {@code root}: the node and the range of the key naming it. */
  Found find(YNode root) {
    YNode node = root;
    SourceRange keyRange = null;
    for (Object step : steps) {
      YMap.Entry e = node instanceof YMap map ? map.entry(String.valueOf(step)) : null;
      if (e != null) {
        node = e.value();
        keyRange = e.keyRange();
      } else if (node instanceof YSeq seq
          && step instanceof Integer i
          && i >= 0
          && i < seq.items().size()) {
        node = seq.items().get(i);
        keyRange = node.range();
      } else {
        return null;
      }
    }
    return new Found(node, keyRange);
  }

  /** A node and the range of the key that names it ({@code null} for the root). */
  record Found(YNode node, SourceRange keyRange) {
    /** Where a finding about the node as a whole should point: its key, else the node. */
    SourceRange where() {
      return keyRange != null ? keyRange : node.range();
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Object s : steps) {
      b.append('/').append(s);
    }
    return b.toString();
  }
}
