package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.notes.Note;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply inside a git work tree: the dirty refusal, the notes it writes, and log reading them. */
class ApplyGitTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 2}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private FakeApp staging;
  private GitFixture repo;

  @BeforeEach
  void start() {
    heroku = FakeHeroku.start();
    staging = heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
    repo = GitFixture.init(dir);
    repo.write("formation.yaml", CONFIG);
  }

  @AfterEach
  void stop() {
    repo.close();
    heroku.close();
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec(args);
  }

  private String note(String commit) throws Exception {
    var repository = repo.git().getRepository();
    Note n =
        repo.git()
            .notesShow()
            .setNotesRef("refs/notes/formation")
            .setObjectId(repository.parseCommit(repository.resolve(commit)))
            .call();
    return n == null ? null : new String(repository.open(n.getData()).getBytes());
  }

  @Test
  void apply_withUncommittedChangesToATrackedConfig_refusesBeforeReadingAnything() {
    repo.commit("config");
    repo.write("formation.yaml", CONFIG.replace("quantity: 2", "quantity: 3"));

    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("uncommitted changes")
        .contains("formation.yaml")
        .contains("--allow-dirty");
    assertThat(heroku.requests("GET", ".*")).isEmpty();
    assertThat(staging.quantity("web")).isEqualTo(1);
  }

  @Test
  void apply_configGitDoesNotTrack_appliesAndSaysNothingIsRecorded() throws Exception {
    Files.delete(dir.resolve("formation.yaml"));
    String head = repo.write("README.md", "hello\n").commit("an unrelated first commit");
    repo.write("formation.yaml", CONFIG);

    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("not tracked by git");
    assertThat(staging.quantity("web")).isEqualTo(2);
    assertThat(note(head)).isNull();
  }

  @Test
  void apply_configGitIgnores_appliesButRecordsNothingOnHead() throws Exception {
    Files.delete(dir.resolve("formation.yaml"));
    String head = repo.write(".gitignore", "formation.yaml\n").commit("ignore the config");
    repo.write("formation.yaml", CONFIG);

    CliRunner.Result r = run("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(staging.quantity("web")).isEqualTo(2);
    assertThat(r.err()).contains("not tracked by git").doesNotContain("Recorded the apply");
    assertThat(note(head)).isNull();
  }

  @Test
  void apply_folder_onlyItsYamlFilesCount_notOtherChangesInIt() throws Exception {
    Files.delete(dir.resolve("formation.yaml"));
    repo.write("config/staging.yaml", CONFIG)
        .write("config/README.md", "about\n")
        .write("config/old/v0.yaml", "version: 0\n");
    String head = repo.commit("config folder");
    repo.write("config/README.md", "about, edited\n").write("config/old/v0.yaml", "edited\n");
    repo.write("config/scratch.txt", "x\n").write("config/old/new.yaml", "x\n");

    CliRunner.Result r = run("apply", "--auto-approve", "-f", "config");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Recorded the apply").doesNotContain("not tracked");
    assertThat(note(head)).contains("\"outcome\":\"applied\"");
    repo.write("config/staging.yaml", CONFIG.replace("quantity: 2", "quantity: 3"));
    CliRunner.Result dirty = run("apply", "--auto-approve", "-f", "config");
    assertThat(dirty.exitCode()).isEqualTo(1);
    assertThat(dirty.err()).contains("config/staging.yaml").doesNotContain("README");
  }

  @Test
  void apply_configOutsideTheRepositoryItRunsIn_isNotGitsBusiness(@TempDir Path elsewhere)
      throws Exception {
    repo.commit("config");
    Files.writeString(
        elsewhere.resolve("other.yaml"), CONFIG.replace("quantity: 2", "quantity: 4"));

    CliRunner.Result r =
        run("apply", "--auto-approve", "-f", elsewhere.resolve("other.yaml").toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(staging.quantity("web")).isEqualTo(4);
    assertThat(r.err()).doesNotContain("Recorded the apply");
  }

  @Test
  void apply_allowDirty_appliesButRecordsNoNote() throws Exception {
    String head = repo.commit("config");
    repo.write("formation.yaml", CONFIG.replace("quantity: 2", "quantity: 3"));

    CliRunner.Result r = run("apply", "--auto-approve", "--allow-dirty");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(staging.quantity("web")).isEqualTo(3);
    assertThat(note(head)).isNull();
  }

  @Test
  void apply_clean_writesANoteOnHead_appendsOnTheNextApply_andLogShowsIt() throws Exception {
    String head = repo.commit("two staging dynos");

    CliRunner.Result first = run("apply", "--auto-approve");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.err()).contains("Recorded the apply in refs/notes/formation");
    String once = note(head);
    assertThat(once)
        .contains("\"kind\":\"formation-apply\"")
        .contains("\"app\":\"shop-staging\"")
        .contains("\"outcome\":\"applied\"")
        .contains("\"commit\":\"" + head + "\"")
        .contains(
            "\"from\":{\"size\":\"Standard-1X\",\"quantity\":1},"
                + "\"to\":{\"size\":\"Standard-1X\",\"quantity\":2}")
        .doesNotContain("→")
        .contains("\"config_digest\":\"")
        .contains("\"tool_version\":\"")
        .containsPattern("\"applied_at\":\"[-0-9]+T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\"");

    staging.process("web", "standard-1x", 1);
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    assertThat(note(head).lines()).hasSize(2).first().isEqualTo(once.strip());

    CliRunner.Result log = run("log");
    assertThat(log.out())
        .contains("two staging dynos")
        .containsPattern("applied 20[-0-9]+T[0-9:]+Z, 20[-0-9]+T[0-9:]+Z\n");
  }

  @Test
  void log_applyOfAMergeOrALaterCommit_showsOnTheCommitThatChangedTheApp() throws Exception {
    repo.commit("two staging dynos");
    repo.branch("feature");
    repo.write("formation.yaml", CONFIG.replace("quantity: 2", "quantity: 3")).commit("three");
    repo.checkout("main");
    repo.write("README.md", "one\n").commit("docs");
    repo.merge("feature", "Merge feature");
    String head = repo.write("README.md", "two\n").commit("more docs");

    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    assertThat(note(head)).contains("\"outcome\":\"applied\"");

    String log = run("log").out();
    assertThat(log)
        .containsPattern("three\n.*\n      monthly \\+\\$25; applied 20")
        .containsPattern("two staging dynos\n.*\n      monthly \\+\\$50; not applied");
  }

  @Test
  void apply_nothingToChange_writesNoNote() throws Exception {
    staging.process("web", "standard-1x", 2);
    String head = repo.commit("config");

    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    assertThat(note(head)).isNull();
  }

  @Test
  void planOut_recordsHeadWhenClean_nullWhenDirty_andApplyNotesThePlansCommit() throws Exception {
    String first = repo.commit("config");
    assertThat(run("plan", "--out", "clean.plan").exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("clean.plan")))
        .contains("\"git_commit\" : \"" + first + "\"");
    repo.write("formation.yaml", CONFIG.replace("quantity: 2", "quantity: 4"));
    assertThat(run("plan", "--out", "dirty.plan").exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("dirty.plan"))).contains("\"git_commit\" : null");

    String later = repo.commit("more");
    CliRunner.Result r = run("apply", "clean.plan");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(note(first)).contains("\"commit\":\"" + first + "\"");
    assertThat(note(later)).isNull();
  }

  @Test
  void planAtRef_plansTheCommittedConfig_andRecordsThatCommit() throws Exception {
    String committed = repo.commit("two dynos");
    repo.write("formation.yaml", CONFIG.replace("quantity: 2", "quantity: 1"));

    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
    CliRunner.Result atRef = run("plan", "--detailed-exitcode", "--ref", "HEAD", "--out", "p.plan");
    assertThat(atRef.exitCode()).as(atRef.toString()).isEqualTo(2);
    assertThat(atRef.out()).contains("Standard-1X ×1 → Standard-1X ×2");
    assertThat(Files.readString(dir.resolve("p.plan")))
        .contains("\"git_commit\" : \"" + committed + "\"");
  }

  @Test
  void apply_outsideGit_needsNoCommit(@TempDir Path plain) throws IOException {
    Files.writeString(plain.resolve("formation.yaml"), CONFIG);

    CliRunner.Result r =
        CliRunner.in(plain, heroku.env(), Environment.Terminal.NONE)
            .exec("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("notes");
  }
}
