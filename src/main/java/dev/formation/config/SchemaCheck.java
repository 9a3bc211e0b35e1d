package dev.formation.config;

import dev.formation.config.SchemaSubset.Finding;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a config tree against {@code schemas/formation.schema.json} (copied into the jar at build
 * time), the same file editors use, and reports what it finds as diagnostics.
 */
final class SchemaCheck {
  static final String RESOURCE = "/dev/formation/schemas/formation.schema.json";

  /** Of several findings about one place, only the most telling is reported. */
  private static final List<String> PRIORITY =
      List.of(
          "type",
          "const",
          "propertyNames",
          "additionalProperties",
          "required",
          "minimum",
          "maximum",
          "minLength",
          "enum");

  private final SchemaSubset schema;
  private final JsonNode schemaJson;

  private SchemaCheck(SchemaSubset schema) {
    this.schema = schema;
    this.schemaJson = schema.schema();
  }

  /** The compiled schema, loaded once per run on first use. */
  static SchemaCheck get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final SchemaCheck INSTANCE = new SchemaCheck(compile());
  }

  /** Reads the schema file from the jar. */
  private static SchemaSubset compile() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the jar: " + RESOURCE);
      }
      return new SchemaSubset(JsonTree.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as JSON, for tests and for the keys offered in "did you mean" hints. */
  static JsonNode schemaJson() {
    return get().schemaJson;
  }

  /**
   * Validates one file's tree; adds a diagnostic per faulty place and returns those places, so that
   * the semantic checks that follow stay quiet about them.
   */
  Set<TreePath> check(YNode root, Diagnostics diags) {
    Set<TreePath> early = root instanceof YMap map ? ValueCheck.check(map, diags) : Set.of();
    Map<String, Finding> chosen = new LinkedHashMap<>();
    for (Finding e : schema.validate(JsonTree.of(root))) {
      if (early.contains(e.at())) {
        continue; // reported where it stands, before the schema
      }
      if (installedPlatform(e, root)) {
        continue;
      }
      String key = e.at() + "|" + e.property();
      Finding previous = chosen.get(key);
      if (previous == null || rank(e) < rank(previous)) {
        chosen.put(key, e);
      }
    }
    Set<TreePath> faulty = new HashSet<>(early);
    List<Finding> errors = new ArrayList<>(chosen.values());
    errors.sort(Comparator.comparing(e -> e.at().toString()));
    SchemaFindings findings = new SchemaFindings(root, schemaJson, diags);
    // A misspelt key (`quantiy`) also leaves its key missing; the "did you mean" on the misspelling
    // says it all, so the key it stands for counts as present (here and in the semantic checks).
    Set<TreePath> misspelt = new HashSet<>();
    for (Finding e : errors) {
      if (e.keyword().equals("additionalProperties")) {
        TreePath at = e.at();
        String meant = findings.meant(e.property(), e);
        TreePath.Found found = at.find(root);
        if (meant != null
            && found != null
            && found.node() instanceof YMap map
            && map.get(meant) == null) {
          misspelt.add(at.then(meant));
        }
      }
    }
    faulty.addAll(misspelt);
    for (Finding e : errors) {
      TreePath at = e.at();
      if (e.keyword().equals("required") && misspelt.contains(at.then(e.property()))) {
        continue;
      }
      faulty.add(at);
      if (e.property() != null) {
        faulty.add(at.then(e.property()));
      }
      findings.report(e.keyword(), at, e.property(), e);
    }
    return faulty;
  }

  /**
   * Whether a finding is only that an app names a platform the schema file does not list but that
   * is installed: the file lists the platforms formation ships (for editors, and a test holds it to
   * them), while the platforms are whatever providers are installed.
   */
  private static boolean installedPlatform(Finding e, YNode root) {
    if (!e.keyword().equals("enum") || !e.at().matches("apps", "*", "platform")) {
      return false;
    }
    TreePath.Found found = e.at().find(root);
    return found != null
        && found.node() instanceof YScalar s
        && PlatformKind.find(s.text()).isPresent();
  }

  private static int rank(Finding e) {
    int i = PRIORITY.indexOf(e.keyword());
    return i < 0 ? PRIORITY.size() : i;
  }
}
