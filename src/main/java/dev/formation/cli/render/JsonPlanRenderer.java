package dev.formation.cli.render;

import dev.formation.plan.Plan;
import dev.formation.planfile.PlanJson;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code plan --format json}: a stable document with {@code format_version} 1 and {@code kind}
 * {@code formation-plan}, as drift and diff documents name theirs.
 */
public final class JsonPlanRenderer {

  public String render(Plan plan) {
    return pretty(document(plan));
  }

  /** The document as a tree, for documents that carry a plan (the apply report). */
  static ObjectNode document(Plan plan) {
    ObjectNode document = PlanJson.MAPPER.createObjectNode();
    document.put("kind", "formation-plan");
    document.setAll(PlanJson.write(plan, false));
    return document;
  }

  static String pretty(ObjectNode document) {
    return PlanJson.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(document)
        + "\n";
  }
}
