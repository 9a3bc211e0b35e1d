package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import dev.formation.testing.JsonSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of {@code log}, {@code sizes} and {@code local status} against their schemas: real
 * output is valid, and each schema refuses a field it does not name in every closed object.
 */
class JsonSchemasTest {
  @TempDir Path dir;

  /** Valid, carries its kind and version, and refuses an unknown field anywhere. */
  private static JsonNode holds(String schema, String json, String kind) {
    assertThat(JsonSchemas.errors(schema, json)).as(json).isEmpty();
    assertThat(JsonSchemas.acceptsUnknownFields(schema, json, pointer -> false))
        .as("objects of %s that take any field", schema)
        .isEmpty();
    JsonNode doc = JsonMapper.shared().readTree(json);
    assertThat(doc.get("kind").asString()).isEqualTo(kind);
    assertThat(doc.get("format_version").asInt()).isEqualTo(1);
    return doc;
  }

  @Test
  void sizes_catalogue_andKubernetesSizeMap() {
    CliRunner.Result sizes = CliRunner.run("sizes", "--format", "json");
    CliRunner.Result map = CliRunner.run("sizes", "--format", "json", "--platform", "kubernetes");

    assertThat(sizes.exitCode()).isZero();
    assertThat(map.exitCode()).isZero();
    holds("sizes.schema.json", sizes.out(), "formation-sizes");
    holds("sizes.schema.json", map.out(), "formation-kubernetes-sizes");
  }

  @Test
  void localStatus_stopped() {
    CliRunner.Result r =
        CliRunner.in(dir, Map.of("FORMATION_HOME", dir.toString()), Environment.Terminal.NONE)
            .exec("local", "status", "--format", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode doc = holds("local-status.schema.json", r.out(), "formation-local-status");
    assertThat(doc.get("running").asBoolean()).isFalse();
  }

  @Test
  void localStatus_running_theDocumentTheTextViewIsCheckedOn() throws Exception {
    // a running platform's own output is checked in LocalLoopTest; this one has every field
    String json = Files.readString(Path.of("src/test/resources/golden/local/status.json"));

    holds("local-status.schema.json", json, "formation-local-status");
    assertThat(
            JsonSchemas.errors(
                "local-status.schema.json",
                json.replace("\"running\" : true", "\"running\" : false")))
        .as("a stopped platform has no url and no pid")
        .isNotEmpty();
  }

  @Test
  void log_withAnApplyLetThroughAGuardrail() throws Exception {
    try (FakeHeroku heroku = FakeHeroku.start();
        GitFixture repo = GitFixture.init(dir)) {
      heroku.addApp("shop", "cedar").process("web", "standard-2x", 3);
      repo.write(
          "formation.yaml",
          """
          version: 1
          guardrails: {require_branch: main}
          apps:
            shop:
              processes:
                web: {size: standard-2x, quantity: 3}
          """);
      repo.commit("config");
      repo.branch("feature").checkout("feature");
      repo.write(
          "formation.yaml",
          Files.readString(dir.resolve("formation.yaml")).replace("quantity: 3", "quantity: 4"));
      repo.commit("more web");
      CliRunner cli = CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE);
      CliRunner.Result applied = cli.exec("apply", "--auto-approve", "--allow", "require_branch");
      assertThat(applied.exitCode()).as(applied.toString()).isZero();

      CliRunner.Result log = cli.exec("log", "--format", "json");

      assertThat(log.exitCode()).as(log.toString()).isZero();
      JsonNode doc = holds("log.schema.json", log.out(), "formation-log");
      assertThat(doc.at("/apps/0/commits/0/subject").asString()).isEqualTo("more web");
      assertThat(doc.at("/apps/0/commits/0/allowed/0/rule").asString()).isEqualTo("require_branch");
      assertThat(doc.at("/apps/0/commits/1/change").asString()).isEqualTo("added");
    }
  }
}
