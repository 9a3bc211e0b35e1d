package dev.formation.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code templates/formation.yml} is a GitLab CI/CD component whose inputs are all declared and all
 * used, whose jobs call only formation commands and flags that exist, and which the GitLab example
 * includes.
 */
class GitlabComponentTest {
  private static final Pattern CALL = Pattern.compile("java -jar \"\\$FORMATION_JAR\" ([^\\n]*)");
  private static final Path EXAMPLE = Path.of("examples", "ci", "gitlab-ci.yml");

  @Test
  void everyInputUsed_isDeclared_andEveryDeclaredInput_isUsed() {
    Set<String> declared = new LinkedHashSet<>();
    GitlabComponent.inputs().propertyNames().forEach(declared::add);
    Set<String> used = GitlabComponent.used(GitlabComponent.documents()[1]);

    assertThat(declared).isNotEmpty();
    assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(GitlabComponent.used(GitlabComponent.documents()[0]))
        .as("the spec document interpolates nothing")
        .isEmpty();
    GitlabComponent.inputs()
        .properties()
        .forEach(
            e -> {
              assertThat(e.getValue().path("description").asString(""))
                  .as("description of input %s", e.getKey())
                  .isNotBlank();
              assertThat(e.getValue().has("default")).as("default of %s", e.getKey()).isTrue();
            });
    assertThat(GitlabComponent.inputs().path("comment").path("type").asString())
        .isEqualTo("boolean");
  }

  @Test
  void jobs_callOnlyExistingCommandsAndFlags() {
    List<String> calls = new ArrayList<>();
    Matcher m = CALL.matcher(GitlabComponent.documents()[1]);
    while (m.find()) {
      calls.add(m.group(1).trim());
    }

    assertThat(calls)
        .anyMatch(c -> c.startsWith("validate --format codequality"))
        .anyMatch(c -> c.startsWith("diff ") && c.contains("--format markdown"))
        .anyMatch(c -> c.startsWith("plan --format markdown"))
        .anyMatch(c -> c.startsWith("plan --offline --format markdown"))
        .anyMatch(c -> c.startsWith("apply --auto-approve"))
        .anyMatch(c -> c.startsWith("drift --format markdown"));
    CommandLine root = Main.commandLine();
    for (String call : calls) {
      List<String> words = words(call);
      CommandLine sub = root.getSubcommands().get(words.get(0));
      assertThat(sub).as("subcommand of `%s`", call).isNotNull();
      for (String w : words.subList(1, words.size())) {
        if (w.startsWith("-")) {
          assertThat(sub.getCommandSpec().findOption(w.split("=")[0]))
              .as("option %s of `%s`", w, call)
              .isNotNull();
        }
      }
    }
  }

  @Test
  void validate_publishesTheCodeQualityReport_evenWhenItFails() {
    JsonNode validate = GitlabComponent.jobs().path("formation-validate");

    assertThat(validate.path("artifacts").path("reports").path("codequality").asString())
        .isEqualTo("gl-code-quality-report.json");
    assertThat(validate.path("artifacts").path("when").asString()).isEqualTo("always");
    assertThat(validate.path("script").toString())
        .contains("validate --format codequality")
        .contains("> gl-code-quality-report.json");
  }

  @Test
  void plan_withoutAPlatformToken_isOffline_andSaysSo() {
    String plan = GitlabComponent.scriptItem("formation-plan", "plan --offline");

    assertThat(plan)
        .contains("if [ -n \"${HEROKU_API_KEY:-}\" ]")
        .contains("git fetch --quiet origin \"+refs/notes/formation:refs/notes/formation\"")
        .contains("this is an offline plan, against the last apply recorded in git")
        .contains("diff \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\" HEAD");
    assertThat(GitlabComponent.jobs().path(".formation-base").path("before_script").toString())
        .contains("${$[[ inputs.token_variable ]]:-}");
  }

  @Test
  void applies_runOneAtATime_pushTheNotesAfterAPartialApply_andDriftOpensAnIssueOnExit2() {
    JsonNode jobs = GitlabComponent.jobs();
    JsonNode apply = jobs.path(".formation-apply");
    List<String> script = new ArrayList<>();
    apply.path("script").forEach(l -> script.add(l.asString()));

    assertThat(apply.path("resource_group").asString()).isEqualTo("formation-apply");
    assertThat(script.get(script.size() - 1)).isEqualTo("exit $status");
    assertThat(script.get(script.size() - 2)).contains("git push origin refs/notes/formation");
    assertThat(jobs.path("formation-apply").path("extends").asString())
        .isEqualTo(".formation-apply");
    assertThat(jobs.path("formation-apply").path("rules").get(0).path("if").asString())
        .contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    assertThat(jobs.path("formation-windows").path("extends").asString())
        .isEqualTo(".formation-apply");
    assertThat(jobs.path("formation-windows").path("rules").get(0).path("if").asString())
        .isEqualTo("$CI_PIPELINE_SOURCE == \"schedule\" && $FORMATION_JOB == \"windows\"");
    assertThat(jobs.path("formation-drift").path("rules").get(0).path("if").asString())
        .contains("$FORMATION_JOB != ");
    assertThat(jobs.path("formation-drift").path("script").toString())
        .contains("[ \\\"$status\\\" = \\\"2\\\" ]")
        .contains("/notes");
  }

  @Test
  void example_includesTheComponent_withDeclaredInputsOnly() throws Exception {
    JsonNode example = YAMLMapper.builder().build().readTree(Files.readString(EXAMPLE));
    JsonNode include = example.path("include").get(0);
    String name = GitlabComponent.FILE.getFileName().toString().replaceFirst("\\.yml$", "");

    assertThat(include.path("component").asString())
        .matches("\\$CI_SERVER_FQDN/[a-z0-9-]+(/[a-z0-9-]+)+/" + name + "@[0-9][0-9.]*");
    Set<String> declared = new LinkedHashSet<>();
    GitlabComponent.inputs().propertyNames().forEach(declared::add);
    include.path("inputs").propertyNames().forEach(i -> assertThat(declared).contains(i));
    assertThat(Files.readString(EXAMPLE)).doesNotContain("$[[");
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
