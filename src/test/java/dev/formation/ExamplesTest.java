package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YScalar;
import dev.formation.config.yaml.YamlReader;
import dev.formation.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped examples read cleanly and use only what the catalogue and their Procfiles have. */
class ExamplesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "examples/quickstart/formation.yaml",
        "examples/heroku/formation.yaml",
        "examples/kubernetes/formation.yaml",
        "examples/schedules/formation.yaml",
        "examples/queue/formation.yaml"
      })
  void example_readsWithoutDiagnostics_andPointsAtTheSchema(String file) throws IOException {
    String text = Files.readString(Path.of(file));
    Diagnostics diags = new Diagnostics();

    YMap root = (YMap) YamlReader.read(file, text, diags);

    assertThat(diags.isEmpty()).as("diagnostics: %s", diags.sorted()).isTrue();
    assertThat(text.lines().findFirst())
        .hasValue("# yaml-language-server: $schema=../../schemas/formation.schema.json");
    assertThat(scalar(root, "version")).isEqualTo("1");
    for (YMap.Entry app : ((YMap) root.get("apps")).entries()) {
      for (YMap.Entry process : ((YMap) ((YMap) app.value()).get("processes")).entries()) {
        assertThat(Catalog.standard().find(scalar((YMap) process.value(), "size")))
            .as("size of %s/%s", app.key(), process.key())
            .isPresent();
      }
    }
  }

  @Test
  void heroku_mergeKeysFromXDefaults_giveStagingOneSmallDynoPerType() throws IOException {
    String file = "examples/heroku/formation.yaml";
    YMap root = (YMap) YamlReader.read(file, Files.readString(Path.of(file)), new Diagnostics());
    YMap staging = (YMap) ((YMap) root.get("apps")).get("shop-staging");

    for (String type : List.of("web", "worker")) {
      YMap process = (YMap) ((YMap) staging.get("processes")).get(type);
      assertThat(scalar(process, "size")).isEqualTo("standard-1x");
      assertThat(scalar(process, "quantity")).isEqualTo("1");
    }
  }

  @Test
  void quickstart_everyProcessTypeIsInTheProcfile() throws IOException {
    String file = "examples/quickstart/formation.yaml";
    YMap root = (YMap) YamlReader.read(file, Files.readString(Path.of(file)), new Diagnostics());
    YMap app = (YMap) ((YMap) root.get("apps")).get("quickstart");
    Set<String> procfileTypes =
        Files.readAllLines(Path.of("examples/quickstart/app/Procfile")).stream()
            .filter(line -> line.contains(":"))
            .map(line -> line.substring(0, line.indexOf(':')).trim())
            .collect(Collectors.toSet());

    assertThat(scalar((YMap) app.get("local"), "dir")).isEqualTo("./app");
    assertThat(((YMap) app.get("processes")).entries())
        .extracting(YMap.Entry::key)
        .containsExactlyInAnyOrderElementsOf(procfileTypes);
  }

  @Test
  void schedules_validates_withBusinessHours_aNightlyBatch_andGuardrails() {
    var loaded =
        new dev.formation.config.ConfigLoader(Catalog.standard(), Path.of(""))
            .load(List.of(Path.of("examples/schedules/formation.yaml")));

    assertThat(loaded.diagnostics().sorted()).isEmpty();
    var shop = loaded.formationOrNull().app("shop-production").orElseThrow();
    assertThat(shop.process("web").orElseThrow().schedule())
        .extracting(dev.formation.config.WindowSpec::name)
        .containsExactly("business-hours");
    assertThat(shop.process("worker").orElseThrow().schedule())
        .extracting(dev.formation.config.WindowSpec::name)
        .containsExactly("nightly-batch");
    assertThat(shop.guardrails().settings()).hasSize(4);
  }

  @Test
  void readme_annotatedExample_readsWithoutDiagnostics() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    String example = readme.substring(start, readme.indexOf("```", start));
    Diagnostics diags = new Diagnostics();

    YMap root = (YMap) YamlReader.read("README.md", example, diags);

    assertThat(diags.isEmpty()).as("diagnostics: %s", diags.sorted()).isTrue();
    assertThat(((YMap) root.get("apps")).entries())
        .extracting(YMap.Entry::key)
        .containsExactly("shop-production", "demo");
  }

  private static String scalar(YMap map, String key) {
    YNode node = map.get(key);
    assertThat(node).as("key %s", key).isInstanceOf(YScalar.class);
    return ((YScalar) node).text();
  }
}
