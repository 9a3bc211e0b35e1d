package dev.formation.config.edit;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.config.yaml.SourceTree;
import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.config.yaml.SourceTree.Node;
import dev.formation.config.yaml.SourceTree.Scalar;
import dev.formation.diag.Code;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One edit of one process type, on the text as the previous edits left it. */
final class Step {
  private final Catalog catalog;
  private final Text text;
  private final String comment;
  private final Mapping root;
  private final Uses uses;

  Step(Catalog catalog, String file, String source, String comment) throws Refusal {
    this.catalog = catalog;
    this.text = new Text(file, source);
    this.comment = comment;
    Node parsed;
    try {
      parsed = SourceTree.parse(source);
    } catch (SourceTree.Unreadable e) {
      throw new Refusal(
          Code.FM174,
          "cannot read the file to edit it: " + e.getMessage(),
          text.range(0),
          "`formation validate` shows what is wrong with it");
    }
    if (!(parsed instanceof Mapping m)) {
      throw new Refusal(Code.FM174, "the file's top level is not a mapping", text.range(0), null);
    }
    this.root = m;
    this.uses = new Uses(m);
  }

  /** The app an edit is for: {@code app}, or the file's only one. */
  String app(String app) throws Refusal {
    Mapping apps = Tree.mapping(root, "apps");
    List<String> names = apps == null ? List.of() : List.copyOf(Tree.fields(apps).keySet());
    if (app == null) {
      if (names.size() == 1) {
        return names.get(0);
      }
      throw new Refusal(
          Code.FM177,
          names.isEmpty()
              ? "the file defines no app"
              : "the file defines "
                  + names.size()
                  + " apps ("
                  + String.join(", ", names)
                  + "); name the one to edit",
          text.range(keyOf("apps")),
          "add `--app APP`");
    }
    if (!names.contains(app)) {
      throw new Refusal(
          Code.FM110,
          "no app `" + app + "` in the file",
          text.range(keyOf("apps")),
          FormationEditor.appHint(app, names));
    }
    return app;
  }

  String apply(String app, ScaleEdit edit, List<EditResult.Change> changes) throws Refusal {
    Tree.Field appField = Tree.fields(Tree.mapping(root, "apps")).get(app);
    if (!(appField.value() instanceof Mapping appMap)) {
      throw new Refusal(
          Code.FM174, "app " + app + " is not a mapping", text.range(appField.key().start()), null);
    }
    Tree.Field processesField = Tree.fields(appMap).get("processes");
    if (processesField == null || !(processesField.value() instanceof Mapping processes)) {
      throw new Refusal(
          Code.FM174,
          "app " + app + " has no `processes` mapping to edit",
          text.range(appMap.start()),
          "write its process types under `processes:`");
    }
    Tree.Field type = Tree.fields(processes).get(edit.type());
    if (type == null) {
      return addType(app, processes, processesField.key().start(), edit, changes);
    }
    if (!(type.value() instanceof Mapping process)) {
      throw new Refusal(
          Code.FM174,
          "process type " + edit.type() + " is not a mapping",
          text.range(type.key().start()),
          null);
    }
    String result = text.text();
    Map<String, Tree.Field> fields = Tree.fields(process);
    if (edit.size() != null) {
      String size = sizeName(edit.size());
      Tree.Field old = fields.get("size");
      if (old == null || !sameSize(old, size)) {
        result =
            new Writer(text, uses, app, edit.type())
                .set(process, old, "size", size, false, changes);
      }
    }
    if (edit.countChanges()) {
      Step next =
          result.equals(text.text())
              ? this
              : new Step(catalog, text.range(0).file(), result, comment);
      result = next.count(app, edit, changes);
    }
    return result;
  }

  private String count(String app, ScaleEdit edit, List<EditResult.Change> changes) throws Refusal {
    Mapping processes =
        Tree.mapping(
            (Mapping) Tree.fields(Tree.mapping(root, "apps")).get(app).value(), "processes");
    Tree.Field type = Tree.fields(processes).get(edit.type());
    Mapping process = (Mapping) type.value();
    Map<String, Tree.Field> fields = Tree.fields(process);
    Tree.Field autoscale = fields.get("autoscale");
    if (autoscale != null) {
      throw new Refusal(
          Code.FM171,
          "the count of "
              + edit.type()
              + " in app "
              + app
              + " is owned by its autoscale rule"
              + band(autoscale),
          text.range(autoscale.key().start()),
          "change `autoscale.min` and `autoscale.max` instead, or remove `autoscale` for a fixed count");
    }
    Tree.Field old = fields.get("quantity");
    int base = 0;
    if (old != null) {
      if (!(old.value() instanceof Scalar s) || !s.value().matches("[0-9]{1,9}")) {
        throw new Refusal(
            Code.FM174,
            "the quantity of " + edit.type() + " is not a count",
            text.range(old.key().start()),
            "`formation validate` shows what is wrong with it");
      }
      base = Integer.parseInt(s.value());
    }
    int wanted = edit.quantity() != null ? edit.quantity() : base + edit.delta();
    if (wanted < 0) {
      throw new Refusal(
          Code.FM173,
          edit.word() + " would make the count of " + edit.type() + " " + wanted,
          text.range(old == null ? type.key().start() : old.written().start()),
          "the count is " + base + "; it cannot go below 0");
    }
    if (old != null && base == wanted) {
      return text.text();
    }
    return new Writer(text, uses, app, edit.type())
        .set(process, old, "quantity", String.valueOf(wanted), true, changes);
  }

  private String addType(
      String app,
      Mapping processes,
      int processesKey,
      ScaleEdit edit,
      List<EditResult.Change> changes)
      throws Refusal {
    String known = Tree.fields(processes).keySet().stream().collect(Collectors.joining(", "));
    if (edit.quantity() == null) {
      throw new Refusal(
          Code.FM172,
          "app "
              + app
              + " has no process type `"
              + edit.type()
              + "` to "
              + (edit.delta() != null
                  ? "scale by " + edit.word().substring(edit.type().length())
                  : "resize"),
          text.range(processesKey),
          "its process types are " + known + "; `" + edit.type() + "=1:standard-1x` adds one");
    }
    if (edit.size() == null) {
      throw new Refusal(
          Code.FM172,
          "a new process type `" + edit.type() + "` needs a size",
          text.range(processesKey),
          "write `"
              + edit.type()
              + "="
              + edit.quantity()
              + ":standard-1x` (`formation sizes` lists them)");
    }
    return new Writer(text, uses, app, edit.type())
        .addType(processes, sizeName(edit.size()), edit.quantity(), comment, changes);
  }

  /** Where the top-level key {@code key} is written, or the file's start. */
  private int keyOf(String key) {
    Tree.Field f = Tree.fields(root).get(key);
    return f == null ? 0 : f.key().start();
  }

  private static String band(Tree.Field autoscale) {
    if (autoscale.value() instanceof Mapping m) {
      Map<String, Tree.Field> f = Tree.fields(m);
      if (f.get("min") != null
          && f.get("max") != null
          && f.get("min").value() instanceof Scalar min
          && f.get("max").value() instanceof Scalar max) {
        return " (" + min.value() + " to " + max.value() + " dynos)";
      }
    }
    return "";
  }

  private boolean sameSize(Tree.Field old, String size) {
    if (!(old.value() instanceof Scalar s)) {
      return false;
    }
    Optional<Size> a = catalog.find(s.value());
    Optional<Size> b = catalog.find(size);
    return a.isPresent() && b.isPresent()
        ? a.get().key().equals(b.get().key())
        : s.value().equals(size);
  }

  /**
   * A size as the file would write it: the catalogue's name, in lower case when every size the file
   * names is written so; a name the catalogue lacks (a Kubernetes size) as given.
   */
  String sizeName(String given) {
    Optional<Size> size = catalog.find(given);
    if (size.isEmpty()) {
      return given.trim();
    }
    return lowerCaseSizes() ? size.get().name().toLowerCase(Locale.ROOT) : size.get().name();
  }

  private boolean lowerCaseSizes() {
    Mapping apps = Tree.mapping(root, "apps");
    boolean any = false;
    for (Tree.Field app : apps == null ? List.<Tree.Field>of() : Tree.fields(apps).values()) {
      Mapping processes = app.value() instanceof Mapping a ? Tree.mapping(a, "processes") : null;
      for (Tree.Field p :
          processes == null ? List.<Tree.Field>of() : Tree.fields(processes).values()) {
        Tree.Field size = p.value() instanceof Mapping m ? Tree.fields(m).get("size") : null;
        if (size != null
            && size.value() instanceof Scalar s
            && catalog.find(s.value()).isPresent()) {
          if (!s.value().equals(s.value().toLowerCase(Locale.ROOT))) {
            return false;
          }
          any = true;
        }
      }
    }
    return any;
  }
}
