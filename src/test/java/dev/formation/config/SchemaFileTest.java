package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.formation.catalog.Catalog;
import dev.formation.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code schemas/formation.schema.json}: what editors get must be complete and true. */
class SchemaFileTest {
  private static final Path FILE = Path.of("schemas", "formation.schema.json");
  private final JsonNode schema = SchemaCheck.schemaJson();

  @Test
  void jarCopy_isTheFileInSchemas() throws IOException {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(FILE));
    }
  }

  @Test
  void schema_isValidAgainstTheDraft2020MetaSchema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(meta.validate(schema)).isEmpty();
  }

  @Test
  void everyProperty_hasADescription_andEveryObjectIsClosed() {
    List<String> problems = new ArrayList<>();
    walk(schema, "#", problems);

    assertThat(problems).isEmpty();
  }

  private void walk(JsonNode node, String where, List<String> problems) {
    if (!node.isObject()) {
      return;
    }
    if (node.path("type").asString("").equals("object") && !node.has("additionalProperties")) {
      problems.add(where + ": object without additionalProperties");
    }
    for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
      JsonNode prop = p.getValue();
      JsonNode target =
          prop.has("$ref") ? schema.at(prop.get("$ref").asString().substring(1)) : prop;
      if (!target.has("description")) {
        problems.add(where + "/properties/" + p.getKey() + ": no description");
      }
    }
    for (Map.Entry<String, JsonNode> child : node.properties()) {
      JsonNode value = child.getValue();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          walk(value.get(i), where + "/" + child.getKey() + "/" + i, problems);
        }
      } else {
        walk(value, where + "/" + child.getKey(), problems);
      }
    }
  }

  @Test
  void sizeCompletion_listsExactlyTheCatalogue() {
    List<String> names = new ArrayList<>();
    schema.at("/$defs/size/anyOf/0/enum").forEach(n -> names.add(n.asString()));

    assertThat(names).isEqualTo(Catalog.standard().names());
  }

  @Test
  void namePatterns_matchTheSpec() {
    assertThat(schema.at("/properties/apps/propertyNames/pattern").asString())
        .isEqualTo("^[a-z][a-z0-9-]{1,28}[a-z0-9]$");
    assertThat(schema.at("/$defs/app/properties/processes/propertyNames/pattern").asString())
        .isEqualTo("^[-\\w]{1,128}$");
  }

  @Test
  void specExample_isValid(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Procfile"), "web: ./web\nworker: ./worker\n");
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        # yaml-language-server: $schema=../../schemas/formation.schema.json
        version: 1
        apps:
          shop-production:            # the app's name on its platform
            platform: heroku          # heroku (default) | local
            prune: false              # true: live process types not listed here are scaled to 0
            processes:
              web:
                size: performance-m
                autoscale: {min: 2, max: 8, p95_ms: 500, notify: true}
              worker:
                size: standard-2x
                quantity: 3
          demo:
            platform: local
            local: {dir: ./app, port: 5000}   # folder with a Procfile (relative to this file); router port
            processes:
              web:    {size: standard-1x, quantity: 2}
              worker: {size: standard-1x, quantity: 1}
        """);

    LoadResult result =
        new ConfigLoader(Catalog.standard(), dir).load(List.of(Path.of("formation.yaml")));

    assertThat(result.diagnostics().sorted()).extracting(Diagnostic::message).isEmpty();
    assertThat(result.formationOrNull().apps()).hasSize(2);
  }

  static JsonNode read(Path file) throws IOException {
    return new ObjectMapper().readTree(Files.readString(file));
  }
}
