package dev.formation.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormationYamlTest {
  @Test
  void scalar_plainWordsStayPlain_anythingElseIsQuotedAndEscaped() {
    assertThat(FormationYaml.scalar("web")).isEqualTo("web");
    assertThat(FormationYaml.scalar("dyno-1c-0.5gb")).isEqualTo("dyno-1c-0.5gb");
    assertThat(FormationYaml.scalar("true")).isEqualTo("\"true\"");
    assertThat(FormationYaml.scalar("1e3")).isEqualTo("\"1e3\"");
    assertThat(FormationYaml.scalar("web\n    evil: 1")).isEqualTo("\"web\\n    evil: 1\"");
    assertThat(FormationYaml.scalar("cl\u001b[8mock \"x\"\\"))
        .isEqualTo("\"cl\\u001b[8mock \\\"x\\\"\\\\\"");
  }

  @Test
  void render_typeAndSizeFromTheApiWithALineBreak_addNoKeys() {
    LiveApp app =
        new LiveApp(
            "shop",
            "id",
            "cedar",
            List.of(new LiveProcess("web\n  evil: 1", "Std\n        quantity: 99", 1, "x", null)),
            null);

    String yaml =
        new FormationYaml(Catalog.standard()).render(List.of(app), PlatformKind.named("heroku"));

    assertThat(yaml)
        .contains("      \"web\\n  evil: 1\":\n")
        .contains("        size: \"Std\\n        quantity: 99\"\n")
        .doesNotContain("evil: 1\n");
  }
}
