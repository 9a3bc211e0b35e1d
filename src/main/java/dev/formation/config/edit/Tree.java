package dev.formation.config.edit;

import dev.formation.config.yaml.SourceTree;
import dev.formation.config.yaml.SourceTree.Alias;
import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.config.yaml.SourceTree.Node;
import dev.formation.config.yaml.SourceTree.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a {@link SourceTree} the way the loader does: aliases followed, merge keys applied. */
final class Tree {
  private static final String MERGE = "<<";

  private Tree() {}

  /** A key of a mapping once merges are applied, and the node its value is written in. */
  record Field(SourceTree.Scalar key, Node written, Node value, boolean inherited) {}

  /** The node an alias names, or the node itself. */
  static Node resolve(Node node) {
    Node n = node;
    while (n instanceof Alias a) {
      n = a.target();
    }
    return n;
  }

  /**
   * The fields of a mapping in the loader's order: its own keys, then the keys its merges bring
   * that it does not write itself. {@code inherited} marks those brought by a merge.
   */
  static Map<String, Field> fields(Mapping mapping) {
    Map<String, Field> fields = new LinkedHashMap<>();
    List<Mapping> merged = new ArrayList<>();
    for (SourceTree.Entry e : mapping.entries()) {
      if (MERGE.equals(e.key().value()) && "plain".equals(e.key().style())) {
        Node v = resolve(e.value());
        if (v instanceof Mapping m) {
          merged.add(m);
        } else if (v instanceof Sequence s) {
          s.items().stream()
              .map(Tree::resolve)
              .filter(Mapping.class::isInstance)
              .forEach(i -> merged.add((Mapping) i));
        }
      } else {
        fields.putIfAbsent(
            e.key().value(), new Field(e.key(), e.value(), resolve(e.value()), false));
      }
    }
    for (Mapping m : merged) {
      for (Field f : fields(m).values()) {
        if (!fields.containsKey(f.key().value())) {
          fields.put(f.key().value(), new Field(f.key(), f.written(), f.value(), true));
        }
      }
    }
    return fields;
  }

  /** The mappings a mapping's merge keys bring in, recursively. */
  static List<Mapping> mergedInto(Mapping mapping) {
    List<Mapping> out = new ArrayList<>();
    for (SourceTree.Entry e : mapping.entries()) {
      if (MERGE.equals(e.key().value()) && "plain".equals(e.key().style())) {
        Node v = resolve(e.value());
        List<Node> sources = v instanceof Sequence s ? s.items() : List.of(v);
        for (Node source : sources) {
          if (resolve(source) instanceof Mapping m) {
            out.add(m);
            out.addAll(mergedInto(m));
          }
        }
      }
    }
    return out;
  }

  /** The mapping under {@code key}, or {@code null}. */
  static Mapping mapping(Mapping parent, String key) {
    Field f = parent == null ? null : fields(parent).get(key);
    return f != null && f.value() instanceof Mapping m ? m : null;
  }
}
