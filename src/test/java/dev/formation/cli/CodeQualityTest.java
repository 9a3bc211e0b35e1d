package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code validate --format codequality}: GitLab's Code Quality report of the file's findings. */
class CodeQualityTest {
  private static final String BROKEN =
      """
      version: 1
      apps:
        shop-staging:
          processes:
            web: {size: standard-9x, quantity: 2}
            worker: {size: standard-1x, quantity: 1, colour: blue}
      """;

  @TempDir Path dir;

  private CliRunner.Result validate() {
    return CliRunner.in(dir, Map.of(), Environment.Terminal.NONE)
        .exec("validate", "--format", "codequality");
  }

  @Test
  void findings_becomeIssuesWithTheFieldsGitLabReads() throws Exception {
    Files.writeString(dir.resolve("formation.yaml"), BROKEN);

    CliRunner.Result r = validate();

    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode issues = JsonMapper.shared().readTree(r.out());
    assertThat(issues.isArray()).isTrue();
    assertThat(issues.size()).isEqualTo(2);
    for (JsonNode issue : issues) {
      assertThat(issue.propertyNames())
          .containsExactlyInAnyOrder(
              "description", "check_name", "fingerprint", "severity", "location");
      assertThat(issue.get("severity").asString()).isIn("major", "minor");
      assertThat(issue.get("check_name").asString()).matches("FM\\d{3} [a-z-]+");
      assertThat(issue.get("fingerprint").asString()).matches("[0-9a-f]{32}");
      assertThat(issue.get("location").get("path").asString()).isEqualTo("formation.yaml");
      assertThat(issue.get("location").get("lines").get("begin").asInt()).isIn(5, 6);
    }
    assertThat(issues.get(0).get("description").asString()).contains("standard-9x");
  }

  @Test
  void aFindingThatOnlyMoved_keepsItsFingerprint_soGitLabDoesNotCallItNew() throws Exception {
    Files.writeString(dir.resolve("formation.yaml"), BROKEN);
    Set<String> before = fingerprints(validate().out());
    Files.writeString(dir.resolve("formation.yaml"), "# a comment on top\n\n" + BROKEN);

    assertThat(fingerprints(validate().out())).isEqualTo(before).hasSize(2);
  }

  @Test
  void aFileNamedWithDotSlash_isReportedAtItsRepositoryPath() throws Exception {
    Files.writeString(dir.resolve("formation.yaml"), BROKEN);

    CliRunner.Result r =
        CliRunner.in(dir, Map.of(), Environment.Terminal.NONE)
            .exec("validate", "--format", "codequality", "-f", "./formation.yaml");

    JsonNode issues = JsonMapper.shared().readTree(r.out());
    assertThat(issues.size()).isEqualTo(2);
    issues.forEach(
        i -> assertThat(i.get("location").get("path").asString()).isEqualTo("formation.yaml"));
  }

  @Test
  void aValidFile_isAnEmptyReport() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"), BROKEN.replace("9x", "2x").replace(", colour: blue", ""));

    CliRunner.Result r = validate();

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().trim()).isEqualTo("[ ]");
  }

  private static Set<String> fingerprints(String report) throws Exception {
    Set<String> out = new java.util.HashSet<>();
    JsonMapper.shared().readTree(report).forEach(i -> out.add(i.get("fingerprint").asString()));
    return out;
  }
}
