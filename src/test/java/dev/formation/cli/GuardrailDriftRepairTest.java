package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand scale-up undone by applying the committed file is no scale-down: the guardrail measures
 * from what the last recorded apply left, read back from the git note that apply wrote.
 */
class GuardrailDriftRepairTest {
  private static final String CONFIG =
      """
      version: 1
      guardrails: {max_scale_down_percent: 50}
      apps:
        shop-staging:
          processes:
            web: {size: standard-1x, quantity: 1}
            worker: {size: standard-1x, quantity: 1}
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private FakeApp staging;
  private GitFixture repo;

  @BeforeEach
  void start() {
    heroku = FakeHeroku.start();
    staging =
        heroku
            .addApp("shop-staging", "cedar")
            .process("web", "standard-1x", 1)
            .process("worker", "standard-1x", 2);
    repo = GitFixture.init(dir);
    repo.write("formation.yaml", CONFIG);
    repo.commit("config");
  }

  @AfterEach
  void stop() {
    repo.close();
    heroku.close();
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec(args);
  }

  @Test
  void applyAfterAHandScaleUp_repairsIt_whileAScaleDownWithoutARecordIsABreach() {
    // no record yet: worker 2 → 1 is 50 %, at the limit; the apply records worker at 1
    CliRunner.Result first = run("apply", "--auto-approve");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(staging.quantity("worker")).isEqualTo(1);

    // `heroku ps:scale worker=3` by hand: applying the committed 1 again removes 67 % of the live
    staging.setQuantityAsTheAutoscaler("worker", 3);
    CliRunner.Result plan = run("plan", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("only undoes dynos added since the last recorded apply")
        .doesNotContain("guardrail breach");
    CliRunner.Result repair = run("apply", "--auto-approve");
    assertThat(repair.exitCode()).as(repair.toString()).isZero();
    assertThat(staging.quantity("worker")).isEqualTo(1);
  }

  @Test
  void theSameHandScaleUp_withoutAnyRecord_isStillABreach_sayingWhatItMeasuredFrom() {
    staging.setQuantityAsTheAutoscaler("worker", 3);

    CliRunner.Result plan = run("plan");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out())
        .contains("`worker` goes from 3 to 1 dyno, 67% removed; the limit is 50%")
        .contains("measured from the live count: no apply of this app");
  }
}
