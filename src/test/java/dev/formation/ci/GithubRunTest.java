package dev.formation.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/ci/github/run.sh}, the action's step that runs formation, with a stub {@code
 * formation} on PATH that logs its words (one line per call, words joined by {@code |}) and exits
 * with {@code STUB_EXIT}; the comment goes to a fake GitHub API on 127.0.0.1.
 */
class GithubRunTest {
  private static final String TOKEN = "ghs_run-test-token";
  private static final String STUB =
      """
      #!/usr/bin/env bash
      (IFS='|'; printf '%s\\n' "$*") >> "$STUB_LOG"
      if [ "$1" = diff ]; then echo "## diff of the change"; exit 0; fi
      echo "## formation $1 (stub)"
      exit "${STUB_EXIT:-0}"
      """;

  @TempDir Path dir;
  private FakeGitHub github;
  private Path bin;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub("acme/shop", TOKEN);
    bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("formation"), STUB);
    bin.resolve("formation").toFile().setExecutable(true);
    Files.createDirectories(dir.resolve("runner"));
    Files.createDirectories(dir.resolve("work"));
  }

  @AfterEach
  void stop() {
    github.close();
  }

  /** A pull_request event for #7 of acme/shop, its head in {@code headRepo}. */
  private Path event(String headRepo) throws Exception {
    String json =
        """
        {"pull_request": {"number": 7, "head": {"sha": "%s", "repo": {"full_name": "%s"}},
          "base": {"repo": {"full_name": "acme/shop"}}}}
        """
            .formatted("c".repeat(40), headRepo);
    return Files.writeString(dir.resolve("event.json"), json);
  }

  private Script.Result run(String event, Map<String, String> more) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("STUB_LOG", dir.resolve("calls.log").toString());
    env.put("GITHUB_EVENT_NAME", event);
    env.put("GITHUB_EVENT_PATH", dir.resolve("event.json").toString());
    env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
    env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
    env.put("RUNNER_TEMP", dir.resolve("runner").toString());
    env.put("GITHUB_API_URL", github.url());
    env.put("GITHUB_REPOSITORY", "acme/shop");
    env.put("FORMATION_GITHUB_TOKEN", TOKEN);
    env.put("FORMATION_SECRET", "HEROKU_API_KEY");
    env.putAll(more);
    Files.deleteIfExists(dir.resolve("output"));
    return Script.run(dir.resolve("work"), List.of(bin), env, "github/run.sh");
  }

  private List<String> calls() throws Exception {
    return Files.readAllLines(dir.resolve("calls.log"));
  }

  @Test
  void forkWithoutTheSecret_plansOffline_saysSo_andLeavesTheCommentForTheWorkflowRun()
      throws Exception {
    event("someone/shop");

    Script.Result r =
        run(
            "pull_request",
            Map.of(
                "FORMATION_COMMAND", "plan -f formation.yaml",
                "FORMATION_COMMENT", "true",
                "STUB_EXIT", "2"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(calls())
        .containsExactly("plan|--offline|-f|formation.yaml|--format|markdown|--detailed-exitcode");
    String note =
        "> no credentials for pull requests from forks: offline plan against the last apply"
            + " recorded in git\n";
    Path review = dir.resolve("runner/formation-review");
    assertThat(Files.readString(review.resolve("comment.md")))
        .isEqualTo(note + "\n## formation plan (stub)\n");
    assertThat(Files.readString(review.resolve("pull-request"))).isEqualTo("7\n");
    assertThat(Files.readString(dir.resolve("summary.md"))).startsWith(note);
    assertThat(r.out())
        .contains("::notice::formation: a pull request from a fork gets a read-only token");
    assertThat(github.requests()).as("the fork's token cannot comment: nothing is sent").isEmpty();
    assertThat(Script.outputs(dir.resolve("output")))
        .containsEntry("exit-code", "2")
        .containsEntry("changes", "true")
        .containsEntry("markdown", dir.resolve("runner/formation-plan.md").toString())
        .containsEntry("review", review.toString());
  }

  @Test
  void forkOnPullRequestTarget_hasAWriteToken_soCommentsItself() throws Exception {
    event("someone/shop");

    Script.Result r =
        run(
            "pull_request_target",
            Map.of(
                "FORMATION_COMMAND", "plan",
                "FORMATION_COMMENT", "true",
                "HEROKU_API_KEY", "heroku-secret"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(calls()).containsExactly("plan|--format|markdown|--detailed-exitcode");
    assertThat(github.comments(7))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).endsWith("## formation plan (stub)\n"));
  }

  @Test
  void withTheSecret_plansLive_andKeepsOneCommentWithTheDiffAboveThePlan() throws Exception {
    event("acme/shop");
    Map<String, String> env =
        Map.of(
            "FORMATION_COMMAND", "plan -f formation.yaml",
            "FORMATION_COMMENT", "true",
            "FORMATION_DIFF_BASE", "origin/main",
            "HEROKU_API_KEY", "heroku-secret",
            "STUB_EXIT", "0");

    Script.Result first = run("pull_request", env);
    Script.Result second = run("pull_request", env);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(calls())
        .containsExactly(
            "plan|-f|formation.yaml|--format|markdown|--detailed-exitcode",
            "diff|origin/main|HEAD|--format|markdown|-f|formation.yaml",
            "plan|-f|formation.yaml|--format|markdown|--detailed-exitcode",
            "diff|origin/main|HEAD|--format|markdown|-f|formation.yaml");
    assertThat(github.comments(7))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.body())
                    .isEqualTo(
                        "<!-- formation:plan -->\n## diff of the change\n\n## formation plan (stub)\n"));
    assertThat(github.requests()).filteredOn(q -> q.startsWith("PATCH ")).hasSize(1);
    assertThat(Script.outputs(dir.resolve("output"))).containsEntry("changes", "false");
  }

  @Test
  void aPlanThatFails_isStillCommented_andFailsTheStep() throws Exception {
    event("acme/shop");

    Script.Result r =
        run(
            "pull_request",
            Map.of(
                "FORMATION_COMMAND", "plan",
                "FORMATION_COMMENT", "true",
                "HEROKU_API_KEY", "heroku-secret",
                "STUB_EXIT", "1"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(github.comments(7))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).contains("## formation plan (stub)"));
    assertThat(Script.outputs(dir.resolve("output")))
        .containsEntry("exit-code", "1")
        .containsEntry("changes", "false");
  }

  @Test
  void withoutTheSecretOnTheRepositorysOwnPullRequest_namesTheMissingVariable() throws Exception {
    event("acme/shop");

    Script.Result r =
        run("pull_request", Map.of("FORMATION_COMMAND", "plan", "FORMATION_COMMENT", "true"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(calls()).containsExactly("plan|--offline|--format|markdown|--detailed-exitcode");
    assertThat(github.comments(7))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.body())
                    .contains(
                        "> no credentials (HEROKU_API_KEY is empty): offline plan against the last"
                            + " apply recorded in git"));
  }

  @Test
  void otherCommands_runAsGiven_quotedWordsKept_andTheirExitCodeFailsTheStep() throws Exception {
    Script.Result validate =
        run(
            "push",
            Map.of(
                "FORMATION_COMMAND", "validate --format github -f 'my apps.yaml' \"$HOME\"",
                "STUB_EXIT", "1"));
    Script.Result drift = run("schedule", Map.of("FORMATION_COMMAND", "drift", "STUB_EXIT", "2"));
    Script.Result apply =
        run("push", Map.of("FORMATION_COMMAND", "apply --auto-approve", "STUB_EXIT", "2"));

    assertThat(calls())
        .containsExactly(
            "validate|--format|github|-f|my apps.yaml|$HOME",
            "drift|--format|markdown",
            "apply|--auto-approve");
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(drift.exitCode()).as("unexpected drift is the changes output").isZero();
    assertThat(apply.exitCode()).as("2 from apply is no change report: it fails").isEqualTo(2);
    assertThat(Script.outputs(dir.resolve("output"))).containsEntry("changes", "false");
    assertThat(github.requests()).isEmpty();
  }
}
