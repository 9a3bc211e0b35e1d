package dev.formation.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The merge-request note script of {@code templates/formation.yml}, taken from the template as
 * GitLab would run it (inputs at their defaults) and run against a fake of GitLab's notes API: the
 * first pipeline adds the note, every later one updates that note, never a second one.
 */
class GitlabNoteScriptTest {
  private static final String MARKER = "<!-- formation:plan -->";
  private static final String SCRIPT_START = "# formation: update the merge-request note";

  @TempDir Path dir;

  /** {@code sh}: the POSIX shell (dash here); {@code bash}: as GitLab's runner runs scripts. */
  @ParameterizedTest
  @ValueSource(strings = {"sh", "bash"})
  void firstRunPosts_secondRunPutsTheSameNote_neverASecondOne(String shell) throws Exception {
    // 120 other notes: the plan's note lands on the second page, which the script must read
    try (FakeGitlabNotes gitlab = new FakeGitlabNotes(120)) {
      Files.writeString(dir.resolve("formation-plan.md"), "### formation plan: 1 to add\n");
      Run first = run(shell, gitlab, Map.of("GITLAB_TOKEN", FakeGitlabNotes.TOKEN));

      assertThat(first.exit()).as(first.output()).isZero();
      assertThat(posts(gitlab)).hasSize(1);
      assertThat(puts(gitlab)).isEmpty();
      long id = onlyMarkedNote(gitlab);
      assertThat(gitlab.notes().get(id)).startsWith(MARKER).contains("1 to add");

      Files.writeString(dir.resolve("formation-plan.md"), "### formation plan: 2 to change\n");
      Run second = run(shell, gitlab, Map.of("GITLAB_TOKEN", FakeGitlabNotes.TOKEN));

      assertThat(second.exit()).as(second.output()).isZero();
      assertThat(posts(gitlab)).as("still the one POST of the first run").hasSize(1);
      assertThat(puts(gitlab)).containsExactly("PUT " + notesPath() + "/" + id);
      assertThat(onlyMarkedNote(gitlab)).isEqualTo(id);
      assertThat(gitlab.notes().get(id)).contains("2 to change").doesNotContain("1 to add");
      assertThat(gitlab.notes()).hasSize(121);

      Run third = run(shell, gitlab, Map.of("GITLAB_TOKEN", FakeGitlabNotes.TOKEN));
      assertThat(third.exit()).as(third.output()).isZero();
      assertThat(posts(gitlab)).hasSize(1);
      assertThat(puts(gitlab)).hasSize(2);
    }
  }

  @Test
  void withoutAGitlabToken_sendsNothing_andSaysWhereThePlanIs() throws Exception {
    try (FakeGitlabNotes gitlab = new FakeGitlabNotes(3)) {
      Files.writeString(dir.resolve("formation-plan.md"), "### formation plan (offline)\n");

      Run r = run("sh", gitlab, Map.of());

      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output()).contains("GITLAB_TOKEN is not set").contains("formation-plan.md");
      assertThat(gitlab.requests()).isEmpty();
    }
  }

  @Test
  void aRefusedToken_failsTheJob_insteadOfPostingASecondNote() throws Exception {
    try (FakeGitlabNotes gitlab = new FakeGitlabNotes(3)) {
      Files.writeString(dir.resolve("formation-plan.md"), "### formation plan\n");

      Run r = run("bash", gitlab, Map.of("GITLAB_TOKEN", "wrong"));

      assertThat(r.exit()).as(r.output()).isNotZero();
      assertThat(posts(gitlab)).isEmpty();
      assertThat(puts(gitlab)).isEmpty();
    }
  }

  private record Run(int exit, String output) {}

  private Run run(String shell, FakeGitlabNotes gitlab, Map<String, String> tokens)
      throws Exception {
    String script =
        GitlabComponent.interpolate(
            GitlabComponent.scriptItem("formation-plan", SCRIPT_START), GitlabComponent.defaults());
    Path file = dir.resolve("note.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(shell));
    if (shell.equals("bash")) {
      command.addAll(List.of("-e", "-o", "pipefail")); // what GitLab's runner sets
    }
    command.add(file.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("CI_") || k.startsWith("GITLAB"));
    pb.environment().put("CI_API_V4_URL", gitlab.apiUrl());
    pb.environment().put("CI_PROJECT_ID", FakeGitlabNotes.PROJECT);
    pb.environment().put("CI_MERGE_REQUEST_IID", FakeGitlabNotes.MR);
    pb.environment().putAll(tokens);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static String notesPath() {
    return "/api/v4/projects/"
        + FakeGitlabNotes.PROJECT
        + "/merge_requests/"
        + FakeGitlabNotes.MR
        + "/notes";
  }

  private static List<String> posts(FakeGitlabNotes gitlab) {
    return gitlab.requests().stream().filter(r -> r.startsWith("POST ")).toList();
  }

  private static List<String> puts(FakeGitlabNotes gitlab) {
    return gitlab.requests().stream().filter(r -> r.startsWith("PUT ")).toList();
  }

  private static long onlyMarkedNote(FakeGitlabNotes gitlab) {
    List<Long> marked =
        gitlab.notes().entrySet().stream()
            .filter(e -> e.getValue().contains(MARKER))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(marked).as("notes carrying the marker").hasSize(1);
    return marked.get(0);
  }
}
