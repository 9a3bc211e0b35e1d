package dev.formation.cli;

import static dev.formation.cli.GitCommandsTest.V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.git.GitIdentity;
import dev.formation.git.GitRepo;
import dev.formation.testing.CliRunner;
import dev.formation.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * git as a user's own git sees it: the repository of the config file (not of the folder formation
 * runs in), the author `git var GIT_AUTHOR_IDENT` would give, a branch compared with the branch it
 * merges into, and a clone without the notes.
 */
class GitHabitsTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;
  @TempDir Path home;
  private GitFixture repo;

  @BeforeEach
  void init() {
    repo = GitFixture.init(dir.resolve("repo"));
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private String author(Map<String, String> env) throws Exception {
    try (GitRepo git = GitRepo.open(repo.dir())) {
      return GitIdentity.author(git, env, home);
    }
  }

  @Test
  void author_comesFromTheEnvironment_thenTheRepository_thenHomeThenXdg() throws Exception {
    Files.writeString(home.resolve(".gitconfig"), "[user]\n  name = Home Name\n  email = h@e\n");
    assertThat(author(Map.of())).isEqualTo("Home Name <h@e>");

    Path xdg = home.resolve("xdg");
    Files.createDirectories(xdg.resolve("git"));
    Files.writeString(xdg.resolve("git/config"), "[user]\n  name = Xdg Name\n  email = x@e\n");
    Files.delete(home.resolve(".gitconfig"));
    assertThat(author(Map.of("XDG_CONFIG_HOME", xdg.toString()))).isEqualTo("Xdg Name <x@e>");

    var config = repo.git().getRepository().getConfig();
    config.setString("user", null, "name", "Repo Name");
    config.setString("user", null, "email", "r@e");
    config.save();
    assertThat(author(Map.of("XDG_CONFIG_HOME", xdg.toString()))).isEqualTo("Repo Name <r@e>");

    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_NAME", "Env Name");
    env.put("GIT_AUTHOR_EMAIL", "env@e");
    assertThat(author(env)).isEqualTo("Env Name <env@e>");
  }

  @Test
  void author_withNothingSetAnywhere_isNone() throws Exception {
    assertThat(author(Map.of("GIT_CONFIG_NOSYSTEM", "1"))).isNull();
  }

  @Test
  void logAndDiff_findTheRepositoryOfTheConfigFile_fromAFolderOutsideIt() {
    repo.write("formation.yaml", V1).commit("first formation");
    repo.write("formation.yaml", V1.replace("quantity: 2", "quantity: 5"));
    String file = repo.dir().resolve("formation.yaml").toString();

    CliRunner.Result diff =
        CliRunner.in(elsewhere, Map.of(), Environment.Terminal.NONE).exec("diff", "-f", file);
    CliRunner.Result log =
        CliRunner.in(elsewhere, Map.of(), Environment.Terminal.NONE).exec("log", "-f", file);

    assertThat(diff.exitCode()).as(diff.toString()).isZero();
    assertThat(diff.out()).contains("Standard-2X ×2 → Standard-2X ×5");
    assertThat(log.exitCode()).as(log.toString()).isZero();
    assertThat(log.out()).contains("first formation");
  }

  @Test
  void diff_onANewBranchWithoutUpstream_comparesWithTheMergeBaseOfMain_andSaysSo() {
    String base = repo.write("formation.yaml", V1).commit("first formation");
    repo.branch("more-web").checkout("more-web");
    repo.write("formation.yaml", V1.replace("quantity: 2", "quantity: 5")).commit("more web");

    CliRunner.Result r = CliRunner.in(repo.dir(), Map.of(), Environment.Terminal.NONE).exec("diff");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith(
            "formation diff "
                + base.substring(0, 7)
                + " (the merge base of HEAD and main) → work tree")
        .contains("web: Standard-2X ×2 → Standard-2X ×5");
  }

  @Test
  void log_inACloneWithoutTheNotes_saysSoAndHowToFetchThem() {
    repo.write("formation.yaml", V1).commit("first formation");

    CliRunner.Result r = CliRunner.in(repo.dir(), Map.of(), Environment.Terminal.NONE).exec("log");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("warning[FM105]: this clone has no apply records")
        .contains("git fetch origin refs/notes/formation:refs/notes/formation");
  }
}
