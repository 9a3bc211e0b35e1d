package dev.formation.config;

import dev.formation.config.SchemaSubset.Finding;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import dev.formation.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Turns the schema validator's findings into formation's diagnostics, in human words. */
final class SchemaFindings {
  private final YNode root;
  private final JsonNode schemaJson;
  private final Diagnostics diags;

  SchemaFindings(YNode root, JsonNode schemaJson, Diagnostics diags) {
    this.root = root;
    this.schemaJson = schemaJson;
    this.diags = diags;
  }

  void report(String keyword, TreePath at, String property, Finding e) {
    switch (keyword) {
      case "additionalProperties" -> unknownKey(at, property, e);
      case "required" -> missingKey(at, property);
      case "propertyNames" -> badName(at, property);
      case "type" -> wrongType(at, e);
      case "const" -> version(at);
      case "minimum", "maximum" -> outOfRange(keyword, at, e);
      case "minLength" -> error(Code.FM061, Places.field(at) + " must not be empty", at, null);
      case "enum" -> notOneOf(at, e);
      case "pattern" -> WindowFindings.pattern(at, nodeAt(at), valueRange(at), diags);
      default -> error(Code.FM011, Places.field(at) + " is not valid: " + e.message(), at, null);
    }
  }

  /** The defined key that an unknown {@code key} is probably a misspelling of, or null. */
  String meant(String key, Finding e) {
    return DidYouMean.closest(key, allowedKeys(e));
  }

  private void unknownKey(TreePath at, String key, Finding e) {
    List<String> allowed = allowedKeys(e);
    String hint = DidYouMean.didYouMean(key, allowed);
    if (hint == null) {
      hint = "allowed here: " + String.join(", ", allowed);
      if (at.size() == 0) {
        hint += ", or any key starting with `x-`";
      }
    }
    SourceRange where = rangeOf(at.then(key));
    diags.error(Code.FM010, "unknown key `" + key + "` " + Places.in(at), where, hint);
  }

  /** The keys the schema defines beside the {@code additionalProperties} that refused one. */
  private List<String> allowedKeys(Finding e) {
    String location = e.schemaPointer();
    int hash = location.indexOf('#');
    String pointer = hash < 0 ? "" : location.substring(hash + 1);
    int slash = pointer.lastIndexOf('/');
    JsonNode owner = schemaJson.at(slash < 0 ? "" : pointer.substring(0, slash));
    List<String> keys = new ArrayList<>();
    JsonNode properties = owner.get("properties");
    if (properties != null) {
      keys.addAll(properties.propertyNames());
    }
    return keys;
  }

  private void missingKey(TreePath at, String key) {
    PlatformKind owner = at.matches("apps", "*", "*") ? blockOwner(at.name(2)) : null;
    String hint =
        owner != null
            ? owner.missingKeyHint(key)
            : switch (key) {
              case "version" -> "add `version: 1` at the top of the file";
              case "apps" -> "list the apps under `apps:`";
              case "processes" -> "list the app's process types under `processes:`";
              case "size" -> "add a size from the catalogue, e.g. `size: standard-1x`";
              case "min", "max" -> "autoscale needs both `min` and `max`";
              case "name", "days", "from", "to" -> WindowFindings.MISSING_HINT;
              default -> null;
            };
    String where = at.size() == 0 ? "in the file" : Places.in(at);
    error(Code.FM012, "missing `" + key + "` " + where, at, hint);
  }

  private void badName(TreePath at, String name) {
    SourceRange named = rangeOf(at.then(name));
    if (at.matches("apps")) {
      diags.error(
          Code.FM020,
          "invalid app name `" + name + "`",
          named,
          "an app name is 3 to 30 lower-case letters, digits and dashes, starting with a letter"
              + " and not ending with a dash");
    } else {
      diags.error(
          Code.FM021,
          "invalid process type `" + name + "` in app `" + at.name(1) + "`",
          named,
          "a process type is 1 to 128 letters, digits, underscores or dashes, as in the Procfile");
    }
  }

  private void wrongType(TreePath at, Finding e) {
    YNode node = nodeAt(at);
    String expected = describeType(e.schemaNode());
    String found = node == null ? "something else" : node.kindWord();
    Code code = Code.FM011;
    String message = Places.field(at) + " must be " + expected + ", not " + found;
    if (at.last().equals("quantity")
        && node instanceof YScalar s
        && s.kind() == YScalar.Kind.FLOAT) {
      code = Code.FM040;
      message = Places.field(at) + " must be a whole number of dynos, not `" + s.text() + "`";
    } else if (node instanceof YScalar s && !s.isNull()) {
      message += " (`" + s.text() + "`)";
    }
    String hint = at.last().equals("size") ? "write a catalogue size such as `standard-1x`" : null;
    error(code, message, at, hint);
  }

  private static String describeType(JsonNode type) {
    String t = type == null ? "" : type.asString();
    return switch (t) {
      case "integer" -> "a whole number";
      case "string" -> "a string";
      case "object" -> "a mapping";
      case "boolean" -> "`true` or `false`";
      case "array" -> "a list";
      default -> "of type " + t;
    };
  }

  private void version(TreePath at) {
    YNode node = nodeAt(at);
    if (node instanceof YScalar s
        && s.kind() == YScalar.Kind.STRING
        && s.text().trim().equals("1")) {
      error(
          Code.FM013,
          "`version` must be the number 1, not the string \"1\"",
          at,
          "write `version: 1` without quotes");
      return;
    }
    if (node instanceof YScalar s && s.isNull()) {
      error(Code.FM013, "`version` must be 1, not null", at, "write `version: 1`");
      return;
    }
    String written = node instanceof YScalar s ? s.text() : node == null ? "?" : node.kindWord();
    error(
        Code.FM013,
        "unsupported version `" + written + "`; formation reads version 1",
        at,
        "write `version: 1`");
  }

  private void outOfRange(String keyword, TreePath at, Finding e) {
    YNode node = nodeAt(at);
    String written = node instanceof YScalar s ? s.text() : "?";
    String bound = e.schemaNode() == null ? "?" : e.schemaNode().asString();
    String word = keyword.equals("minimum") ? "at least " : "at most ";
    Code code = Code.FM011;
    if (at.last().equals("quantity")) {
      code = Code.FM040;
    } else if (at.size() == 6 && at.name(4).equals("autoscale")) {
      code = Code.FM052;
    } else if (at.matches("apps", "*", "*", "*")) {
      Code own = blockCode(at);
      code = own == null ? code : own;
    }
    error(code, Places.field(at) + " must be " + word + bound + ", not " + written, at, null);
  }

  /** The code a platform gives a value of its block, or {@code null}. */
  private static Code blockCode(TreePath at) {
    PlatformKind owner = blockOwner(at.name(2));
    return owner == null ? null : owner.boundsCode(at.name(3));
  }

  /** The platform whose block an app's key is, or {@code null}. */
  private static PlatformKind blockOwner(String key) {
    for (PlatformKind k : PlatformKind.all()) {
      if (key.equals(k.blockKey())) {
        return k;
      }
    }
    return null;
  }

  private void notOneOf(TreePath at, Finding e) {
    YNode node = nodeAt(at);
    List<String> values = new ArrayList<>();
    if (e.schemaNode() != null) {
      e.schemaNode().forEach(v -> values.add(v.asString()));
    }
    String written = node instanceof YScalar s ? s.text() : node == null ? "?" : node.kindWord();
    String choices =
        values.size() <= 2
            ? "`" + String.join("` or `", values) + "`"
            : "`"
                + String.join("`, `", values.subList(0, values.size() - 1))
                + "` or `"
                + values.get(values.size() - 1)
                + "`";
    String found = node instanceof YScalar s && s.isNull() ? "null" : "`" + written + "`";
    String message = Places.field(at) + " must be " + choices + ", not " + found;
    error(Code.FM011, message, at, DidYouMean.didYouMean(written, values));
  }

  private YNode nodeAt(TreePath at) {
    TreePath.Found found = at.find(root);
    return found == null ? null : found.node();
  }

  /** The key that names a place (the node itself for the root). */
  private SourceRange rangeOf(TreePath at) {
    TreePath.Found found = at.find(root);
    return found == null ? root.range() : found.where();
  }

  private void error(Code code, String message, TreePath at, String hint) {
    diags.error(code, message, valueRange(at), hint);
  }

  /** A scalar's own position; for a mapping or a list, the key that names it. */
  private SourceRange valueRange(TreePath at) {
    TreePath.Found found = at.find(root);
    if (found == null) {
      return root.range();
    }
    return found.node() instanceof YScalar ? found.node().range() : found.where();
  }
}
