package dev.formation.cli.render;

import dev.formation.plan.OfflineBasis;
import dev.formation.plan.Plan;
import dev.formation.planfile.PlanJson;
import tools.jackson.databind.JsonNode;
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

  /**
   * An offline plan ({@code plan --offline}): the same document with {@code "offline": true} and
   * {@code compared_with} at the top and, per app, the recorded apply it was compared with.
   *
   * @param offline what each app was planned against; {@code null} for a plan of the live platform
   */
  public String render(Plan plan, OfflineBasis offline) {
    if (offline == null) {
      return render(plan);
    }
    ObjectNode document = PlanJson.MAPPER.createObjectNode();
    document.put("kind", "formation-plan");
    document.put("offline", true);
    document.put("compared_with", OfflineBasis.LABEL);
    document.setAll(PlanJson.write(plan, false));
    for (JsonNode app : document.path("apps")) {
      OfflineBasis.AppBasis basis = offline.of(app.path("app").asString(""));
      ObjectNode n = ((ObjectNode) app).putObject("offline");
      n.put("applied", basis.applied());
      n.put("applied_at", basis.applied() ? basis.appliedAt().toString() : null);
      n.put("commit", basis.commit());
      n.put("description", basis.describe());
    }
    return pretty(document);
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
