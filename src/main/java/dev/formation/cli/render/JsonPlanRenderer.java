package dev.formation.cli.render;

import dev.formation.plan.Plan;
import dev.formation.planfile.PlanJson;
import tools.jackson.databind.SerializationFeature;

/** {@code plan --format json}: a stable document with {@code format_version} 1. */
public final class JsonPlanRenderer {

  public String render(Plan plan) {
    return PlanJson.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(PlanJson.write(plan, false))
        + "\n";
  }
}
