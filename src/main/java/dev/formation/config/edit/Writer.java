package dev.formation.config.edit;

import dev.formation.config.yaml.SourceTree;
import dev.formation.config.yaml.SourceTree.Alias;
import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.config.yaml.SourceTree.Node;
import dev.formation.config.yaml.SourceTree.Scalar;
import dev.formation.config.yaml.SourceTree.Sequence;
import dev.formation.config.yaml.YamlQuoting;
import dev.formation.diag.Code;
import java.util.List;
import java.util.stream.Collectors;

/** Writes one value or one new key into the text, or refuses where that would touch more. */
final class Writer {
  private final Text text;
  private final Uses uses;
  private final String app;
  private final String type;

  Writer(Text text, Uses uses, String app, String type) {
    this.text = text;
    this.uses = uses;
    this.app = app;
    this.type = type;
  }

  /**
   * Sets {@code key} of {@code process} to {@code value}: its scalar replaced, or the key added.
   */
  String set(
      Mapping process,
      Tree.Field old,
      String key,
      String value,
      boolean count,
      List<EditResult.Change> changes)
      throws Refusal {
    if (old == null) {
      refuseShared(
          process,
          new Uses.Use(app, type, ""),
          process.start(),
          "process type " + type + " in app " + app + " is a mapping",
          "write `" + key + ":` by hand where it should go");
      String added = key + ": " + (count ? value : Text.scalar(value));
      String after = "quantity".equals(key) ? "size" : null;
      changes.add(new EditResult.Change(app, type, key, null, value));
      return insert(process, after, added);
    }
    if (!(old.value() instanceof Scalar scalar)) {
      throw new Refusal(
          Code.FM174,
          "the `" + key + "` of " + type + " is not a single value",
          text.range(old.key().start()),
          null);
    }
    refuseShared(
        scalar,
        new Uses.Use(app, type, key),
        sharedAt(process, old),
        "the `" + key + "` of " + type + " in app " + app + " comes from " + source(process, old),
        old.inherited()
            ? "write `"
                + key
                + ":` next to the merge in "
                + type
                + " to override it for "
                + type
                + " alone"
            : "change the anchored value by hand if all of them should change");
    String written = text.text().substring(scalar.valueStart(), scalar.end());
    if (scalar.style().equals("literal")
        || scalar.style().equals("folded")
        || written.contains("\n")
        || written.contains("\r")) {
      throw new Refusal(
          Code.FM174,
          "the `" + key + "` of " + type + " is a multi-line scalar",
          text.range(scalar.valueStart()),
          "write it on one line, then run the command again");
    }
    String replacement =
        switch (scalar.style()) {
          case "single" -> "'" + value.replace("'", "''") + "'";
          case "double" -> YamlQuoting.doubleQuoted(value);
          default -> count ? value : Text.scalar(value);
        };
    changes.add(new EditResult.Change(app, type, key, scalar.value(), value));
    return text.text().substring(0, scalar.valueStart())
        + replacement
        + text.text().substring(scalar.end());
  }

  /** Adds process type {@code type} to {@code processes}, in the style of its siblings. */
  String addType(
      Mapping processes, String size, int quantity, String comment, List<EditResult.Change> changes)
      throws Refusal {
    refuseShared(
        processes,
        new Uses.Use(app, "", ""),
        processes.start(),
        "the processes of app " + app + " are a mapping",
        "add the process type by hand");
    String key = Text.scalar(type);
    String body = "{size: " + Text.scalar(size) + ", quantity: " + quantity + "}";
    changes.add(new EditResult.Change(app, type, "", null, size + " × " + quantity));
    if (processes.flow() || processes.entries().isEmpty()) {
      return insert(processes, null, key + ": " + body);
    }
    Mapping sibling =
        processes.entries().stream()
            .map(SourceTree.Entry::value)
            .filter(Mapping.class::isInstance)
            .map(Mapping.class::cast)
            .findFirst()
            .orElse(null);
    String eol = text.lineBreak();
    int keyColumn = text.column(processes.entries().get(0).key().start());
    String indent = " ".repeat(keyColumn);
    StringBuilder b = new StringBuilder();
    if (comment != null) {
      b.append("# ").append(comment).append(eol).append(indent);
    }
    b.append(key).append(':');
    if (sibling == null || sibling.flow() || sibling.entries().isEmpty()) {
      b.append(' ').append(body);
    } else {
      int step = Math.max(1, text.column(sibling.entries().get(0).key().start()) - keyColumn);
      String inner = " ".repeat(keyColumn + step);
      b.append(eol).append(inner).append("size: ").append(Text.scalar(size));
      b.append(eol).append(inner).append("quantity: ").append(quantity);
    }
    return insert(processes, null, b.toString());
  }

  /** Inserts the entry {@code entry} into {@code mapping}, after key {@code after} or last. */
  private String insert(Mapping mapping, String after, String entry) throws Refusal {
    String source = text.text();
    List<SourceTree.Entry> entries = mapping.entries();
    SourceTree.Entry anchor =
        entries.stream()
            .filter(e -> e.key().value().equals(after))
            .findFirst()
            .orElse(entries.isEmpty() ? null : entries.get(entries.size() - 1));
    if (mapping.flow()) {
      if (anchor == null) {
        int open = source.indexOf('{', mapping.start()) + 1;
        return source.substring(0, open) + entry + source.substring(open);
      }
      int at = anchor.value().end();
      return source.substring(0, at) + ", " + entry + source.substring(at);
    }
    if (anchor == null) {
      throw new Refusal(Code.FM174, "an empty block mapping", text.range(mapping.start()), null);
    }
    int at = text.lineEnd(lastToken(anchor.value(), anchor.key().end()));
    String indent = " ".repeat(text.column(entries.get(0).key().start()));
    return source.substring(0, at) + text.lineBreak() + indent + entry + source.substring(at);
  }

  /** Where the text of {@code node} ends, for a new line after it. */
  private int lastToken(Node node, int fallback) throws Refusal {
    int end = node.end();
    if (node instanceof Scalar s && (s.style().equals("literal") || s.style().equals("folded"))) {
      throw new Refusal(
          Code.FM174,
          "a key would follow a multi-line scalar",
          text.range(s.start()),
          "add the key by hand");
    } else if (node instanceof Mapping m && !m.flow() && !m.entries().isEmpty()) {
      SourceTree.Entry last = m.entries().get(m.entries().size() - 1);
      end = lastToken(last.value(), last.key().end());
    } else if (node instanceof Sequence q && !q.flow() && !q.items().isEmpty()) {
      end = lastToken(q.items().get(q.items().size() - 1), q.start());
    }
    return Math.max(end, fallback);
  }

  private void refuseShared(Node node, Uses.Use own, int at, String what, String hint)
      throws Refusal {
    List<Uses.Use> others = uses.others(node, own);
    if (!others.isEmpty()) {
      String names =
          others.stream()
              .map(Uses.Use::describe)
              .distinct()
              .limit(6)
              .collect(Collectors.joining(", "));
      throw new Refusal(
          Code.FM170,
          what
              + " shared with "
              + names
              + "; editing it would change "
              + (others.size() == 1 ? "it" : "them")
              + " too",
          text.range(at),
          hint);
    }
  }

  private static int sharedAt(Mapping process, Tree.Field old) {
    if (old.inherited()) {
      return process.entries().stream()
          .filter(e -> e.key().value().equals("<<"))
          .mapToInt(e -> e.key().start())
          .findFirst()
          .orElse(process.start());
    }
    return old.written().start();
  }

  private static String source(Mapping process, Tree.Field old) {
    if (old.inherited()) {
      String merged =
          process.entries().stream()
              .filter(e -> e.key().value().equals("<<"))
              .map(e -> e.value() instanceof Alias a ? "`<<: *" + a.name() + "`" : "a merge key")
              .findFirst()
              .orElse("a merge key");
      return merged + ",";
    }
    if (old.written() instanceof Alias a) {
      return "`*" + a.name() + "`, an alias";
    }
    Scalar s = (Scalar) old.value();
    return s.anchor() != null ? "the anchor `&" + s.anchor() + "`," : "a value";
  }
}
