package dev.formation.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The part of JSON Schema 2020-12 that formation's own schemas use, interpreted directly: {@code
 * type}, {@code const}, {@code enum}, {@code pattern}, {@code minLength}, {@code minimum}, {@code
 * maximum}, {@code properties}, {@code patternProperties}, {@code additionalProperties}, {@code
 * propertyNames}, {@code required}, {@code items}, {@code anyOf}, {@code oneOf}, {@code allOf} and
 * local {@code $ref}s; annotations ({@code description}, {@code default}, {@code examples}, {@code
 * format}, {@code title}) are ignored. A general validator spent about 140 ms of a 30-app {@code
 * validate} compiling the schema; this reads it in a few. {@code SchemaSubsetTest} holds its
 * findings equal to the reference validator's (networknt, a test dependency) on every case file,
 * example and generated hostile file, and fails on a keyword the schemas start to use that it does
 * not know.
 *
 * <p>Findings are reported as the reference validator reports them: the keyword, where in the
 * instance, the property a keyword names ({@code required}, {@code additionalProperties}, {@code
 * propertyNames}), the schema location after {@code $ref}s are followed, the keyword's value, and
 * its message; an {@code anyOf} or {@code oneOf} that no branch satisfies reports the findings of
 * every branch.
 */
public final class SchemaSubset {
  /** What this interpreter reads; a schema with any other keyword is refused when loaded. */
  static final List<String> KEYWORDS =
      List.of(
          ("$schema $id $defs $ref title description default examples format type const enum"
                  + " pattern minLength minimum maximum properties patternProperties"
                  + " additionalProperties propertyNames required items anyOf oneOf allOf")
              .split(" "));

  /**
   * One finding.
   *
   * @param at where in the instance
   * @param property the property the keyword names, or {@code null}
   * @param schemaPointer the keyword's JSON pointer in the schema file, {@code
   *     #/$defs/app/required}
   * @param schemaNode the keyword's value in the schema
   */
  public record Finding(
      String keyword,
      TreePath at,
      String property,
      String schemaPointer,
      JsonNode schemaNode,
      String message) {
    /** The place as a JSON pointer, {@code /apps/shop/processes} ({@code /} for the root). */
    public String where() {
      return at.size() == 0 ? "/" : at.toString();
    }
  }

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new LinkedHashMap<>();

  /** Each {@code $ref} target, looked up once: every process of every app names a few. */
  private final Map<String, JsonNode> refs = new ConcurrentHashMap<>();

  /**
   * The message text of each enumeration, by schema pointer: an {@code anyOf} branch that fails (a
   * size that is not one of the Cedar names, say) builds its finding for every process even when
   * another branch passes.
   */
  private final Map<String, String> enumTexts = new ConcurrentHashMap<>();

  public SchemaSubset(JsonNode root) {
    this.root = root;
    known(root, "#");
  }

  public JsonNode schema() {
    return root;
  }

  /** Every finding about {@code instance}, in document order. */
  public List<Finding> validate(JsonNode instance) {
    List<Finding> out = new ArrayList<>();
    check(root, "#", instance, new TreePath.Walk(), out);
    return out;
  }

  /**
   * The findings about {@code instance} against the schema at {@code pointer} ({@code #/$defs/x}).
   */
  public List<Finding> validate(String pointer, JsonNode instance) {
    List<Finding> out = new ArrayList<>();
    check(resolve(pointer), pointer, instance, new TreePath.Walk(), out);
    return out;
  }

  private void check(JsonNode s, String ptr, JsonNode v, TreePath.Walk at, List<Finding> out) {
    if (s == null || !s.isObject()) {
      return;
    }
    JsonNode ref = s.get("$ref");
    if (ref != null) {
      String target = ref.asString();
      check(resolve(target), target, v, at, out);
    }
    JsonNode type = s.get("type");
    if (type != null && !SchemaValues.hasType(type, v)) {
      out.add(
          new Finding(
              "type",
              at.here(),
              null,
              ptr + "/type",
              type,
              SchemaValues.kind(v) + " found, " + SchemaValues.typeWords(type) + " expected"));
    }
    JsonNode constant = s.get("const");
    if (constant != null && !SchemaValues.same(constant, v)) {
      out.add(
          new Finding(
              "const",
              at.here(),
              null,
              ptr + "/const",
              constant,
              "must be the constant value '" + constant.asString() + "'"));
    }
    JsonNode values = s.get("enum");
    if (values != null && !SchemaValues.contains(values, v)) {
      out.add(
          new Finding(
              "enum",
              at.here(),
              null,
              ptr + "/enum",
              values,
              "does not have a value in the enumeration "
                  + enumTexts.computeIfAbsent(ptr, p -> SchemaValues.enumText(values))));
    }
    if (v.isString()) {
      strings(s, ptr, v.stringValue(), at, out);
    }
    if (v.isNumber()) {
      numbers(s, ptr, v, at, out);
    }
    if (v.isObject()) {
      object(s, ptr, v, at, out);
    }
    if (v.isArray() && s.get("items") != null) {
      for (int i = 0; i < v.size(); i++) {
        at.enter(i);
        check(s.get("items"), ptr + "/items", v.get(i), at, out);
        at.leave();
      }
    }
    branches(s, ptr, v, at, out);
  }

  private void strings(JsonNode s, String ptr, String text, TreePath.Walk at, List<Finding> out) {
    JsonNode pattern = s.get("pattern");
    if (pattern != null && !pattern(pattern.asString()).matcher(text).find()) {
      out.add(
          new Finding(
              "pattern",
              at.here(),
              null,
              ptr + "/pattern",
              pattern,
              "does not match the regex pattern " + pattern.asString()));
    }
    JsonNode min = s.get("minLength");
    if (min != null && text.codePointCount(0, text.length()) < min.asInt()) {
      out.add(
          new Finding(
              "minLength",
              at.here(),
              null,
              ptr + "/minLength",
              min,
              "must be at least " + min.asInt() + " characters long"));
    }
  }

  private static void numbers(
      JsonNode s, String ptr, JsonNode v, TreePath.Walk at, List<Finding> out) {
    BigDecimal value = v.decimalValue();
    JsonNode min = s.get("minimum");
    if (min != null && value.compareTo(min.decimalValue()) < 0) {
      out.add(
          new Finding(
              "minimum",
              at.here(),
              null,
              ptr + "/minimum",
              min,
              "must have a minimum value of " + min.asString()));
    }
    JsonNode max = s.get("maximum");
    if (max != null && value.compareTo(max.decimalValue()) > 0) {
      out.add(
          new Finding(
              "maximum",
              at.here(),
              null,
              ptr + "/maximum",
              max,
              "must have a maximum value of " + max.asString()));
    }
  }

  private void object(JsonNode s, String ptr, JsonNode v, TreePath.Walk at, List<Finding> out) {
    JsonNode properties = s.get("properties");
    JsonNode patternProperties = s.get("patternProperties");
    JsonNode additional = s.get("additionalProperties");
    JsonNode names = s.get("propertyNames");
    for (String key : v.propertyNames()) {
      JsonNode child = v.get(key);
      if (names != null) {
        List<Finding> bad = new ArrayList<>();
        check(names, ptr + "/propertyNames", StringNode.valueOf(key), at, bad);
        if (!bad.isEmpty()) {
          out.add(
              new Finding(
                  "propertyNames",
                  at.here(),
                  key,
                  ptr + "/propertyNames",
                  names,
                  "property '" + key + "' name is not valid: " + bad.get(0).message()));
        }
      }
      boolean matched = false;
      if (properties != null && properties.has(key)) {
        matched = true;
        at.enter(key);
        check(properties.get(key), ptr + "/properties/" + SchemaValues.escape(key), child, at, out);
        at.leave();
      }
      if (patternProperties != null) {
        for (String p : patternProperties.propertyNames()) {
          if (pattern(p).matcher(key).find()) {
            matched = true;
            at.enter(key);
            check(
                patternProperties.get(p),
                ptr + "/patternProperties/" + SchemaValues.escape(p),
                child,
                at,
                out);
            at.leave();
          }
        }
      }
      if (!matched && additional != null) {
        if (additional.isBoolean() && !additional.booleanValue()) {
          out.add(
              new Finding(
                  "additionalProperties",
                  at.here(),
                  key,
                  ptr + "/additionalProperties",
                  additional,
                  "property '"
                      + key
                      + "' is not defined in the schema and the schema does not allow additional"
                      + " properties"));
        } else {
          at.enter(key);
          check(additional, ptr + "/additionalProperties", child, at, out);
          at.leave();
        }
      }
    }
    JsonNode required = s.get("required");
    if (required != null) {
      for (JsonNode r : required) {
        if (!v.has(r.asString())) {
          out.add(
              new Finding(
                  "required",
                  at.here(),
                  r.asString(),
                  ptr + "/required",
                  required,
                  "required property '" + r.asString() + "' not found"));
        }
      }
    }
  }

  /** {@code anyOf}, {@code oneOf}, {@code allOf}. */
  private void branches(JsonNode s, String ptr, JsonNode v, TreePath.Walk at, List<Finding> out) {
    JsonNode all = s.get("allOf");
    if (all != null) {
      for (int i = 0; i < all.size(); i++) {
        check(all.get(i), ptr + "/allOf/" + i, v, at, out);
      }
    }
    for (String keyword : new String[] {"anyOf", "oneOf"}) {
      JsonNode options = s.get(keyword);
      if (options == null) {
        continue;
      }
      List<Finding> failed = new ArrayList<>();
      int passed = 0;
      for (int i = 0; i < options.size(); i++) {
        List<Finding> branch = new ArrayList<>();
        check(options.get(i), ptr + "/" + keyword + "/" + i, v, at, branch);
        if (branch.isEmpty()) {
          passed++;
        } else {
          failed.addAll(branch);
        }
      }
      if (passed == 0) {
        out.addAll(failed);
      } else if (keyword.equals("oneOf") && passed > 1) {
        out.add(
            new Finding(
                "oneOf",
                at.here(),
                null,
                ptr + "/oneOf",
                options,
                "must be valid to one and only one schema, but " + passed + " are valid"));
      }
    }
  }

  private JsonNode resolve(String pointer) {
    return refs.computeIfAbsent(pointer, this::locate);
  }

  private JsonNode locate(String pointer) {
    if (!pointer.startsWith("#")) {
      throw new IllegalStateException("only local references are supported: " + pointer);
    }
    JsonNode target = root.at(pointer.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalStateException("the schema has no " + pointer);
    }
    return target;
  }

  /** Refuses a schema with a keyword this interpreter would silently skip. */
  private void known(JsonNode s, String ptr) {
    if (s == null || !s.isObject()) {
      return;
    }
    for (String key : s.propertyNames()) {
      if (!KEYWORDS.contains(key)) {
        throw new IllegalStateException("schema keyword `" + key + "` at " + ptr + " is not read");
      }
      JsonNode child = s.get(key);
      switch (key) {
        case "properties", "patternProperties", "$defs" -> {
          for (String name : child.propertyNames()) {
            known(child.get(name), ptr + "/" + key + "/" + SchemaValues.escape(name));
          }
        }
        case "items", "additionalProperties", "propertyNames" -> known(child, ptr + "/" + key);
        case "anyOf", "oneOf", "allOf" -> {
          for (int i = 0; i < child.size(); i++) {
            known(child.get(i), ptr + "/" + key + "/" + i);
          }
        }
        case "pattern" -> pattern(child.asString());
        default -> {}
      }
    }
  }

  private Pattern pattern(String regex) {
    synchronized (patterns) {
      return patterns.computeIfAbsent(regex, r -> Pattern.compile(SchemaValues.ecma(r)));
    }
  }
}
