package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YamlReader;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a platform gets without saying more: its block on another platform's app is refused as a key
 * the app's format does not define, pointing at the block.
 */
class PlatformKindDefaultsTest {
  private record Kind(String word, String blockKey) implements PlatformKind {}

  @Test
  void refuseBlock_byDefault_isAnUnknownKeyAtTheBlock() {
    Diagnostics diags = new Diagnostics();
    YMap root =
        (YMap)
            YamlReader.read(
                "f.yaml", "apps:\n  shop:\n    fly: {region: ams}\n    processes: {}\n", diags);
    YMap body = (YMap) ((YMap) root.get("apps")).get("shop");
    AppBlock block =
        new AppBlock(
            "shop",
            null,
            body,
            body.entry("fly"),
            TreePath.ROOT.then("apps").then("shop"),
            null,
            Map.of(),
            Catalog.standard(),
            new FieldReader(Set.of(), diags));

    new Kind("fly", "fly").refuseBlock(block, PlatformKind.named("heroku"));

    Diagnostic d = diags.sorted().get(0);
    assertThat(d.code()).isEqualTo(Code.FM010);
    assertThat(d.message())
        .isEqualTo("`fly` is only for `platform: fly` apps; app `shop` is on heroku");
    assertThat(d.range()).isEqualTo(body.entry("fly").keyRange());
  }
}
