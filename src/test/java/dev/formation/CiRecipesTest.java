package dev.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The GitHub recipe is valid YAML and calls only formation subcommands and flags that exist, run
 * directly or through formation's GitHub Action ({@code command} input); the GitLab recipe is a
 * component, checked by {@code ci.GitlabComponentTest}.
 */
class CiRecipesTest {
  private static final Pattern CALL = Pattern.compile("java -jar \\S*formation\\.jar ([^\\n]*)");

  @ParameterizedTest
  @ValueSource(strings = {"examples/ci/github-actions.yml"})
  void recipe_parses_andUsesOnlyExistingSubcommandsAndFlags(String file) throws IOException {
    JsonNode tree = YAMLMapper.builder().build().readTree(Files.readString(Path.of(file)));
    List<String> calls = new ArrayList<>();
    collect(tree, calls);

    assertThat(calls).as("formation calls in %s", file).hasSizeGreaterThanOrEqualTo(5);
    assertThat(calls)
        .anyMatch(c -> c.startsWith("validate --format github"))
        .anyMatch(c -> c.startsWith("apply --auto-approve"))
        .anyMatch(c -> c.startsWith("drift "));
    if (file.contains("github")) {
      // the action adds --format markdown to plan and runs the diff from its diff-base input
      assertThat(calls).anyMatch(c -> c.startsWith("plan "));
      assertThat(tree.toString()).contains("\"diff-base\":\"origin/${{ github.base_ref }}\"");
    } else {
      assertThat(calls)
          .anyMatch(c -> c.startsWith("diff ") && c.contains("--format markdown"))
          .anyMatch(c -> c.startsWith("plan --format markdown"));
    }
    CommandLine root = Main.commandLine();
    for (String call : calls) {
      List<String> words = words(call);
      CommandLine sub = root.getSubcommands().get(words.get(0));
      assertThat(sub).as("subcommand of `%s`", call).isNotNull();
      for (String w : words.subList(1, words.size())) {
        if (w.startsWith("-")) {
          String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
          assertThat(sub.getCommandSpec().findOption(name))
              .as("option %s of `%s` in %s", name, call, file)
              .isNotNull();
        }
      }
    }
  }

  @Test
  void applyJobs_runOneAtATime_inTheServicesConcurrencyGroup() throws IOException {
    YAMLMapper yaml = YAMLMapper.builder().build();
    JsonNode github = yaml.readTree(Files.readString(Path.of("examples/ci/github-actions.yml")));

    List<String> groups = new ArrayList<>();
    github
        .path("jobs")
        .forEach(
            job -> {
              if (job.toString().contains("apply --auto-approve")) {
                JsonNode c = job.path("concurrency");
                groups.add("github:" + (c.isObject() ? c.path("group") : c).asString(""));
              }
            });

    assertThat(groups).isNotEmpty().allSatisfy(g -> assertThat(g).endsWith(":formation-apply"));
  }

  @Test
  void githubActions_commentsThroughTheAction_pushesNotesAfterAPartialApply_issuesOnDrift()
      throws IOException {
    JsonNode jobs =
        YAMLMapper.builder()
            .build()
            .readTree(Files.readString(Path.of("examples/ci/github-actions.yml")))
            .path("jobs");

    JsonNode review = step(jobs.path("review"), "plan ");
    assertThat(review.path("with").path("comment").asBoolean()).isTrue();
    assertThat(review.path("env").path("HEROKU_API_KEY").asString())
        .isEqualTo("${{ secrets.HEROKU_API_KEY }}");
    assertThat(
            step(jobs.path("apply"), "git push origin refs/notes/formation").path("if").asString())
        .contains("!cancelled()");
    JsonNode issue = step(jobs.path("drift"), "gh issue");
    assertThat(issue.path("if").asString()).isEqualTo("steps.drift.outputs.changes == 'true'");
    assertThat(issue.path("run").asString())
        .contains("gh issue comment")
        .contains("gh issue create")
        .endsWith("exit 2\n");
  }

  @Test
  void githubActions_appliesWindowsEvery15Minutes_inTheApplyConcurrencyGroup() throws IOException {
    JsonNode root =
        YAMLMapper.builder()
            .build()
            .readTree(Files.readString(Path.of("examples/ci/github-actions.yml")));
    List<String> crons = new ArrayList<>();
    root.path("on").path("schedule").forEach(c -> crons.add(c.path("cron").asString()));
    JsonNode windows = root.path("jobs").path("windows");

    assertThat(crons).contains("*/15 * * * *");
    assertThat(windows.path("if").asString())
        .contains("github.event_name == 'schedule'")
        .contains("'*/15 * * * *'");
    assertThat(windows.path("concurrency").path("group").asString()).isEqualTo("formation-apply");
    assertThat(windows.path("concurrency").path("cancel-in-progress").asBoolean()).isFalse();
    assertThat(root.path("jobs").path("apply").path("concurrency").path("group").asString())
        .isEqualTo("formation-apply");
    assertThat(step(windows, "apply --auto-approve").path("with").path("command").asString())
        .startsWith("apply --auto-approve");
    assertThat(root.path("jobs").path("drift").path("if").asString())
        .as("drift keeps its own hourly timer")
        .contains("'17 * * * *'");
  }

  /** The first step of {@code job} that runs {@code text}, or runs formation's action with it. */
  private static JsonNode step(JsonNode job, String text) {
    for (JsonNode s : job.path("steps")) {
      if (s.path("run").asString("").contains(text)
          || s.path("with").path("command").asString("").contains(text)) {
        return s;
      }
    }
    throw new AssertionError("no step runs " + text);
  }

  private static void collect(JsonNode node, List<String> calls) {
    if (node.path("uses").asString("").matches("[^/]+/formation@.*")) {
      calls.add(node.path("with").path("command").asString());
    }
    if (node.isString()) {
      Matcher m = CALL.matcher(node.asString());
      while (m.find()) {
        calls.add(m.group(1).trim());
      }
    }
    node.forEach(child -> collect(child, calls));
    if (node.isObject()) {
      node.properties().forEach(e -> collect(e.getValue(), calls));
    }
  }

  /** The command's words up to the first shell operator. */
  private static List<String> words(String call) {
    List<String> words = new ArrayList<>();
    for (String w : Arrays.asList(call.split("\\s+"))) {
      if (w.matches("[>|;&]+.*|&&|\\|\\|")) {
        break;
      }
      words.add(w);
    }
    return words;
  }
}
