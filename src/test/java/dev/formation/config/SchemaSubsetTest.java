package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YamlReader;
import dev.formation.diag.Diagnostics;
import dev.formation.testing.HostileYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * formation's own reading of its schemas gives the findings a general JSON Schema validator gives
 * (networknt, kept as a test dependency for this): the same keyword, place and property, on every
 * case file, example and hostile file, and on generated ones.
 */
class SchemaSubsetTest {
  private static final Path FORMATION = Path.of("schemas", "formation.schema.json");

  @Test
  void findings_matchTheReferenceValidator_onEveryFileWeHave() throws IOException {
    SchemaSubset ours = new SchemaSubset(JsonMapper.shared().readTree(FORMATION.toFile()));
    Schema reference = reference(FORMATION);
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("src/test/resources", "examples")) {
      try (Stream<Path> all = Files.walk(Path.of(dir))) {
        all.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      try {
        texts.add(Files.readString(f));
      } catch (java.nio.charset.CharacterCodingException notText) {
        // FM001's case: never reaches the schema
      }
    }
    for (long seed = 0; seed < 800; seed++) {
      texts.add(HostileYaml.forSeed(seed));
    }
    int compared = 0;
    for (String text : texts) {
      YNode root = YamlReader.read("f.yaml", text, new Diagnostics());
      if (root == null) {
        continue;
      }
      JsonNode tree = JsonTree.of(root);
      assertThat(shape(ours.validate(tree)))
          .as("findings for:\n%s", text)
          .isEqualTo(referenceShape(reference.validate(tree.toString(), InputFormat.JSON)));
      compared++;
    }
    assertThat(compared).isGreaterThan(500);
  }

  @Test
  void savedPlanDocument_isReadAsTheReferenceReadsIt() throws IOException {
    Path plan = Path.of("schemas", "plan.schema.json");
    SchemaSubset ours = new SchemaSubset(JsonMapper.shared().readTree(plan.toFile()));
    JsonNode good = JsonMapper.shared().readTree("{\"format_version\": 1}");

    assertThat(ours.validate("#/$defs/savedPlanDocument", good)).isNotEmpty();
    assertThat(
            ours.validate(
                "#/$defs/counts",
                JsonMapper.shared().readTree("{\"add\": 1, \"change\": 0, \"remove\": 2}")))
        .isEmpty();
  }

  @Test
  void aKeywordItDoesNotRead_isRefusedWhenTheSchemaLoads() {
    assertThatThrownBy(
            () ->
                new SchemaSubset(
                    JsonMapper.shared().readTree("{\"type\": \"string\", \"maxLength\": 3}")))
        .hasMessageContaining("maxLength");
  }

  private static Set<String> shape(List<SchemaSubset.Finding> findings) {
    return findings.stream()
        .map(f -> f.keyword() + " " + f.at() + " " + f.property())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> referenceShape(List<Error> errors) {
    Set<String> out = new TreeSet<>();
    for (Error e : errors) {
      List<Object> steps = new ArrayList<>();
      for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
        steps.add(e.getInstanceLocation().getElement(i));
      }
      out.add(e.getKeyword() + " " + new TreePath(steps) + " " + e.getProperty());
    }
    return out;
  }

  private static Schema reference(Path file) throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.newInputStream(file), InputFormat.JSON);
  }
}
