package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An apply whose git record cannot be written says so, and still reports every app. */
class ApplyRecordTest {
  private static final String CONFIG =
      """
      version: 1
      apps:
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 2}
        shop-production:
          processes:
            web: {size: standard-1x, quantity: 3}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private FakeApp staging;
  private FakeApp production;
  private GitFixture repo;

  @BeforeEach
  void start() {
    heroku = FakeHeroku.start();
    staging = heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
    production = heroku.addApp("shop-production", "cedar").process("web", "standard-1x", 1);
    repo = GitFixture.init(dir);
    repo.write("formation.yaml", CONFIG);
    repo.commit("config");
  }

  @AfterEach
  void stop() {
    repo.close();
    heroku.close();
  }

  @Test
  void apply_whileTheNotesRefStaysLocked_reportsEveryAppAndWarnsThatNothingWasRecorded()
      throws Exception {
    Path lock = dir.resolve(".git/refs/notes/formation.lock");
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, "");

    CliRunner.Result r =
        CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec("apply", "--auto-approve");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(staging.quantity("web")).isEqualTo(2);
    assertThat(production.quantity("web")).isEqualTo(3);
    assertThat(r.out()).contains("shop-staging").contains("shop-production");
    assertThat(r.err())
        .contains("warning[FM104]")
        .contains("the changes above were made")
        .contains(lock.toString())
        .doesNotContain("Recorded the apply");
    assertThat(dir.resolve(".git/refs/notes/formation")).doesNotExist();
  }
}
