package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.formation.testing.CliRunner;
import dev.formation.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;

class ValidateCommandTest {
  @TempDir Path dir;

  private void copy(String resource, String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/validate/" + resource)) {
      Files.copy(in, dir.resolve(name));
    }
  }

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "json", "github"})
  void validate_severalErrors_matchesGolden(String format) throws IOException {
    copy("several-errors.yaml", "formation.yaml");

    CliRunner.Result r = CliRunner.in(dir).exec("validate", "--format", format);

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    Golden.assertMatches("validate/several-errors." + format + ".txt", r.out());
  }

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "json", "github"})
  void validate_validFile_matchesGoldenAndExits0(String format) throws IOException {
    copy("valid.yaml", "formation.yaml");

    CliRunner.Result r = CliRunner.in(dir).exec("validate", "--format", format);

    assertThat(r.exitCode()).as("%s", r).isEqualTo(0);
    Golden.assertMatches("validate/valid." + format + ".txt", r.out());
  }

  @Test
  void validate_jsonOutput_followsDiagnosticsSchema() throws IOException {
    copy("several-errors.yaml", "formation.yaml");
    Files.writeString(dir.resolve("b.yaml"), "");
    ObjectMapper mapper = new ObjectMapper();
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                mapper.readTree(Files.readString(Path.of("schemas/diagnostics.schema.json"))));

    CliRunner.Result r =
        CliRunner.in(dir)
            .exec(
                "validate",
                "-f",
                "formation.yaml",
                "-f",
                "b.yaml",
                "-f",
                "none.yaml",
                "--format",
                "json");

    assertThat(schema.validate(mapper.readTree(r.out()))).isEmpty();
    assertThat(r.out()).contains("\"code\": \"FM005\"", "\"code\": \"FM001\"");
  }

  @Test
  void validate_warningsOnly_exits0AndCountsThem() throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\napps:\n  shop:\n    processes:\n      web:\n        size: performance-m\n"
            + "        quantity: 3\n        autoscale: {min: 2, max: 8}\n");

    CliRunner.Result r = CliRunner.in(dir).exec("validate");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out())
        .contains("warning[FM053]")
        .endsWith("ok: 1 app, 1 process type, 1 warning\n");
  }

  @Test
  void validate_repeatedFileOption_readsEveryFileInsteadOfTheDefault() throws IOException {
    copy("valid.yaml", "a.yaml");
    Files.createDirectories(dir.resolve("more"));
    Files.writeString(
        dir.resolve("more/b.yaml"),
        "version: 1\napps:\n  other:\n    processes:\n      web: {size: eco, quantity: 1}\n");

    CliRunner.Result r = CliRunner.in(dir).exec("validate", "-f", "a.yaml", "--file", "more");

    assertThat(r.exitCode()).as("%s", r).isEqualTo(0);
    assertThat(r.out())
        .startsWith("a.yaml:7:19: warning[FM053]")
        .endsWith("\nok: 3 apps, 4 process types, 1 warning\n")
        .doesNotContain("formation.yaml");
  }

  @Test
  void validate_missingDefaultFile_isFM001AndExit1() {
    CliRunner.Result r = CliRunner.in(dir).exec("validate");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "formation.yaml:1:1: error[FM001]: config file `formation.yaml` does not exist\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validate_unsupportedFormat_isAUsageErrorWithExit1() throws IOException {
    copy("valid.yaml", "formation.yaml");

    CliRunner.Result r = CliRunner.in(dir).exec("validate", "--format", "markdown");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("`validate` does not support --format markdown; use one of: text, json, github")
        .doesNotContain("Exception");
  }

  @Test
  void validate_formatIsCaseInsensitive() throws IOException {
    copy("valid.yaml", "formation.yaml");

    CliRunner.Result r = CliRunner.in(dir).exec("validate", "--format", "JSON");

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("{\n  \"format_version\": 1,");
  }
}
