package dev.formation.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeGitHub;
import dev.formation.testing.FakeHeroku;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's install and run steps with the real release: install.sh unpacks the archive the
 * build left in target/ (no second build), and run.sh runs that formation: validate with GitHub
 * annotations, and a pull request's plan against a fake Heroku API, commented on a fake GitHub.
 */
class GithubActionIT {
  @TempDir Path dir;

  @Test
  void theReleaseInstalls_validatesWithAnnotations_andPlansIntoTheComment() throws Exception {
    Assumptions.assumeFalse(
        Boolean.getBoolean("release.skip"), "-Drelease.skip: the build made no archives");
    String version =
        Files.readString(Path.of("target/release/version"), StandardCharsets.UTF_8).strip();
    Path home = dir.resolve("tool/formation-" + version);
    Script.Result install =
        Script.run(
            dir,
            List.of(),
            Map.of(
                "FORMATION_SOURCES", Path.of("").toAbsolutePath().toString(),
                "FORMATION_VERSION", version,
                "FORMATION_DIR", home.toString()),
            "github/install.sh");
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(home.resolve("bin/formation")).isExecutable();

    Path work = Files.createDirectories(dir.resolve("work"));
    Files.createDirectories(dir.resolve("runner"));
    List<Path> path = List.of(home.resolve("bin"), Path.of(System.getProperty("java.home"), "bin"));
    Map<String, String> env = new HashMap<>();
    env.put("FORMATION_CDS", "off");
    env.put("RUNNER_TEMP", dir.resolve("runner").toString());
    env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
    env.put("FORMATION_COMMAND", "validate --format github -f formation.yaml");
    Files.writeString(
        work.resolve("formation.yaml"),
        "version: 1\napps:\n  shop:\n    processes:\n      web: {size: standard-1y, quantity: 2}\n");
    Script.Result validate = Script.run(work, path, env, "github/run.sh");
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.out()).startsWith("::error file=formation.yaml,line=5,");

    Files.writeString(
        work.resolve("formation.yaml"),
        "version: 1\napps:\n  shop:\n    processes:\n      web: {size: standard-1x, quantity: 2}\n");
    Files.writeString(
        dir.resolve("event.json"),
        "{\"pull_request\": {\"number\": 3, \"head\": {\"repo\": {\"full_name\": \"acme/shop\"}},"
            + " \"base\": {\"repo\": {\"full_name\": \"acme/shop\"}}}}");
    try (FakeHeroku heroku = FakeHeroku.start(2);
        FakeGitHub github = new FakeGitHub("acme/shop", "ghs_it-token")) {
      heroku.addApp("shop", "cedar").process("web", "standard-1x", 1);
      env.putAll(heroku.env());
      env.putAll(
          Map.of(
              "FORMATION_COMMAND", "plan",
              "FORMATION_COMMENT", "true",
              "FORMATION_SECRET", "HEROKU_API_KEY",
              "FORMATION_GITHUB_TOKEN", "ghs_it-token",
              "GITHUB_API_URL", github.url(),
              "GITHUB_REPOSITORY", "acme/shop",
              "GITHUB_EVENT_NAME", "pull_request",
              "GITHUB_EVENT_PATH", dir.resolve("event.json").toString()));
      Script.Result plan = Script.run(work, path, env, "github/run.sh");

      assertThat(plan.exitCode()).as(plan.err()).isZero();
      assertThat(Script.outputs(dir.resolve("output")))
          .containsEntry("exit-code", "2")
          .containsEntry("changes", "true");
      String markdown = Files.readString(dir.resolve("runner/formation-plan.md"));
      assertThat(markdown)
          .startsWith("### formation plan: 0 to add, 1 to change, 0 to remove")
          .contains("| change | web | Standard-1X ×1 | Standard-1X ×2 |");
      assertThat(github.comments(3))
          .singleElement()
          .satisfies(c -> assertThat(c.body()).isEqualTo("<!-- formation:plan -->\n" + markdown));
    }
  }
}
