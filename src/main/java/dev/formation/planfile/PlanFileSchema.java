package dev.formation.planfile;

import dev.formation.config.PlatformKind;
import dev.formation.config.SchemaSubset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The saved-plan document of {@code schemas/plan.schema.json} (copied into the jar), against which
 * {@code apply FILE} checks a plan file before reading it. Loaded on first use only.
 */
final class PlanFileSchema {
  private static final String RESOURCE = "/dev/formation/schemas/plan.schema.json";
  private static final String DOCUMENT = "#/$defs/savedPlanDocument";

  private PlanFileSchema() {}

  private static final class Holder {
    static final SchemaSubset SCHEMA = load();
  }

  /**
   * At most {@code max} of the schema's complaints about {@code document}, readable. An app of a
   * platform that is installed but not in the schema file (which lists the platforms formation
   * ships) is no complaint.
   */
  static List<String> errors(JsonNode document, int max) {
    return Holder.SCHEMA.validate(DOCUMENT, document).stream()
        .filter(f -> !installedPlatform(f, document))
        .limit(max)
        .map(f -> f.where() + ": " + f.message())
        .toList();
  }

  private static boolean installedPlatform(SchemaSubset.Finding f, JsonNode document) {
    if (!f.keyword().equals("enum") || !f.where().endsWith("/platform")) {
      return false;
    }
    JsonNode value = document.at(f.where());
    return value.isString() && PlatformKind.find(value.stringValue()).isPresent();
  }

  private static SchemaSubset load() {
    try (InputStream in = PlanFileSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return new SchemaSubset(PlanJson.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
