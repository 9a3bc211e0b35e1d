package dev.formation.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The action and the GitHub workflows pass SchemaStore's schemas for GitHub action metadata and
 * workflows (src/test/resources/schemastore, NOTICE there), checked with networknt's validator.
 */
class GithubSchemasTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Schema ACTION = schema("github-action.json");
  private static final Schema WORKFLOW = schema("github-workflow.json");

  private static Schema schema(String name) {
    try (InputStream in = GithubSchemasTest.class.getResourceAsStream("/schemastore/" + name)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every action.yml of the repository: the action and the comment action beside its scripts. */
  static List<Path> actions() throws IOException {
    try (Stream<Path> src = Files.walk(Path.of("src", "ci"))) {
      return Stream.concat(
              Stream.of(Path.of("action.yml")),
              src.filter(p -> p.getFileName().toString().equals("action.yml")))
          .toList();
    }
  }

  /** Every GitHub workflow of the repository: the examples' github-actions*.yml. */
  static List<Path> workflows() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples", "ci"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("github-actions.*\\.yml"))
          .sorted()
          .toList();
    }
  }

  private static List<String> errors(Schema schema, JsonNode yaml) {
    return schema.validate(yaml).stream().map(Error::toString).toList();
  }

  @Test
  void theActions_passTheActionMetadataSchema() throws IOException {
    List<Path> actions = actions();

    assertThat(actions)
        .containsExactlyInAnyOrder(
            Path.of("action.yml"), Path.of("src/ci/github/comment/action.yml"));
    for (Path action : actions) {
      assertThat(errors(ACTION, YAML.readTree(action.toFile()))).as("%s", action).isEmpty();
    }
  }

  @Test
  void theWorkflows_passTheWorkflowSchema() throws IOException {
    List<Path> workflows = workflows();

    assertThat(workflows)
        .containsExactly(
            Path.of("examples/ci/github-actions-comment.yml"),
            Path.of("examples/ci/github-actions.yml"));
    for (Path workflow : workflows) {
      assertThat(errors(WORKFLOW, YAML.readTree(workflow.toFile()))).as("%s", workflow).isEmpty();
    }
  }

  @Test
  void theSchemas_refuseWhatGitHubRefuses() throws IOException {
    ObjectNode action = (ObjectNode) YAML.readTree(Path.of("action.yml").toFile());
    ((ObjectNode) action.path("runs").path("steps").get(1)).remove("shell");
    ObjectNode noRunner =
        (ObjectNode) YAML.readTree(Path.of("examples/ci/github-actions.yml").toFile());
    ((ObjectNode) noRunner.path("jobs").path("drift")).remove("runs-on");
    ObjectNode unknownKey =
        (ObjectNode) YAML.readTree(Path.of("examples/ci/github-actions.yml").toFile());
    ((ObjectNode) unknownKey.path("jobs").path("review")).put("timeout", 10);

    assertThat(errors(ACTION, action)).as("a composite run step without shell").isNotEmpty();
    assertThat(errors(WORKFLOW, noRunner)).as("a job without runs-on").isNotEmpty();
    assertThat(errors(WORKFLOW, unknownKey)).as("a job with an unknown key").isNotEmpty();
  }
}
