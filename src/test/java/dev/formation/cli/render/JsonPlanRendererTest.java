package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.Golden;
import org.junit.jupiter.api.Test;

class JsonPlanRendererTest {
  private final String json = new JsonPlanRenderer().render(RichPlan.plan());

  @Test
  void render_richPlan_matchesGolden() {
    Golden.assertMatches("plan/rich.json", json);
  }

  @Test
  void render_richPlan_isValidAgainstThePlanSchema() {
    assertThat(PlanSchema.errors(json)).isEmpty();
  }

  @Test
  void schema_rejectsAChangeWithAnUnknownAction() {
    String broken = json.replaceFirst("\"action\" : \"change\"", "\"action\" : \"replace\"");

    assertThat(broken).isNotEqualTo(json);
    assertThat(PlanSchema.errors(broken)).isNotEmpty();
  }

  @Test
  void render_carriesKindFormatVersionFingerprintsAndNoLiveState() {
    assertThat(json)
        .startsWith("{\n  \"kind\" : \"formation-plan\",\n  \"format_version\" : 1,")
        .contains("\"fingerprint\" : \"")
        .doesNotContain("\"live\"")
        .doesNotContain("bin/web");
  }
}
