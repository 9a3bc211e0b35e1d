package dev.formation.planfile;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saved-plan document of {@code schemas/plan.schema.json} (copied into the jar), against which
 * {@code apply FILE} checks a plan file before reading it. Loaded on first use only: no other
 * command pays for the validator.
 */
final class PlanFileSchema {
  private static final String RESOURCE = "/dev/formation/schemas/plan.schema.json";

  private PlanFileSchema() {}

  private static final class Holder {
    static final Schema SCHEMA = load();
  }

  /** At most {@code max} of the schema's complaints about {@code document}, readable. */
  static List<String> errors(JsonNode document, int max) {
    return Holder.SCHEMA.validate(document.toString(), InputFormat.JSON).stream()
        .limit(max)
        .map(Error::toString)
        .toList();
  }

  /** The whole schema file, its root pointed at the saved-plan document alone. */
  private static Schema load() {
    try (InputStream in = PlanFileSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      ObjectNode root = (ObjectNode) PlanJson.MAPPER.readTree(in);
      root.remove("oneOf");
      root.put("$ref", "#/$defs/savedPlanDocument");
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
