package dev.formation.config.edit;

import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.config.yaml.SourceTree.Node;
import dev.formation.config.yaml.SourceTree.Sequence;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each written node is used once aliases and merges are followed: by which app, process type
 * and field. A node used in more than one place is shared, and changing its text would change all
 * of them.
 */
final class Uses {
  /**
   * One use of a node.
   *
   * @param type the process type, or {@code ""} for the app's {@code processes} mapping
   * @param path the field within the process type ({@code quantity}, {@code autoscale.min}), or
   *     {@code ""} for the process type's mapping itself
   */
  record Use(String app, String type, String path) {
    String describe() {
      if (type.isEmpty()) {
        return "the processes of app " + app;
      }
      return (path.isEmpty() ? "process type " : "`" + path + "` of ") + type + " in app " + app;
    }
  }

  private final Map<Node, List<Use>> uses = new IdentityHashMap<>();

  Uses(Mapping root) {
    Mapping apps = Tree.mapping(root, "apps");
    if (apps == null) {
      return;
    }
    for (Tree.Field app : Tree.fields(apps).values()) {
      if (!(app.value() instanceof Mapping appMap)) {
        continue;
      }
      Mapping processes = Tree.mapping(appMap, "processes");
      if (processes == null) {
        continue;
      }
      String name = app.key().value();
      mark(processes, new Use(name, "", ""));
      for (Tree.Field type : Tree.fields(processes).values()) {
        walk(type.value(), name, type.key().value(), "");
      }
    }
  }

  private void walk(Node node, String app, String type, String path) {
    mark(node, new Use(app, type, path));
    if (node instanceof Mapping m) {
      Tree.mergedInto(m).forEach(merged -> mark(merged, new Use(app, type, path)));
      for (Tree.Field f : Tree.fields(m).values()) {
        String key = f.key().value();
        walk(f.value(), app, type, path.isEmpty() ? key : path + "." + key);
      }
    } else if (node instanceof Sequence s) {
      for (int i = 0; i < s.items().size(); i++) {
        walk(Tree.resolve(s.items().get(i)), app, type, path + "[" + i + "]");
      }
    }
  }

  private void mark(Node node, Use use) {
    List<Use> list = uses.computeIfAbsent(node, n -> new ArrayList<>());
    if (!list.contains(use)) {
      list.add(use);
    }
  }

  /** The uses of {@code node} other than {@code own}. */
  List<Use> others(Node node, Use own) {
    List<Use> all = new ArrayList<>(uses.getOrDefault(node, List.of()));
    all.remove(own);
    return all;
  }
}
