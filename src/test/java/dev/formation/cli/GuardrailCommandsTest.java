package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each guardrail on the command line: a plan that breaks it exits 1 naming it and changes nothing,
 * and passes with {@code --allow RULE}.
 */
class GuardrailCommandsTest {
  @TempDir Path dir;
  FakeHeroku heroku;
  FakeApp shop;

  @BeforeEach
  void start() {
    heroku = FakeHeroku.start();
    shop =
        heroku
            .addApp("shop", "cedar")
            .process("web", "standard-2x", 2)
            .process("worker", "standard-2x", 10)
            .process("clock", "standard-2x", 1);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  void config(String guardrails, String processes) throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\n"
            + guardrails
            + "apps:\n  shop:\n    prune: true\n    processes:\n"
            + processes);
  }

  CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec(args);
  }

  static final String SAME =
      "      web: {size: standard-2x, quantity: 2}\n"
          + "      worker: {size: standard-2x, quantity: 10}\n"
          + "      clock: {size: standard-2x, quantity: 1}\n";

  @Test
  void maxMonthlyIncrease_overTheLimit_exits1_namesIt_andChangesNothing() throws IOException {
    config(
        "guardrails: {max_monthly_increase: 500}\n",
        SAME.replace(
            "worker: {size: standard-2x, quantity: 10}",
            "worker: {size: standard-2x, quantity: 35}"));

    CliRunner.Result plan = run("plan");
    CliRunner.Result apply = run("apply", "--auto-approve");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out())
        .contains("! guardrail max_monthly_increase: +$1,250/mo is over the limit of $500/mo")
        .contains("Guardrails: 1 breach not allowed; nothing will be applied.");
    assertThat(plan.err()).contains("error[FM090]").contains("--allow max_monthly_increase");
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).contains("guardrail max_monthly_increase");
    assertThat(apply.err()).contains("error[FM090]").contains("nothing was changed");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
    assertThat(shop.quantity("worker")).isEqualTo(10);
  }

  @Test
  void maxMonthlyIncrease_allowed_plansAndApplies() throws IOException {
    config(
        "guardrails: {max_monthly_increase: 500}\n",
        SAME.replace("quantity: 10}", "quantity: 35}"));

    CliRunner.Result plan = run("plan", "--allow", "max_monthly_increase");
    CliRunner.Result apply = run("apply", "--auto-approve", "--allow", "max_monthly_increase");

    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains(
            "~ guardrail max_monthly_increase: +$1,250/mo is over the limit of $500/mo (allowed by"
                + " --allow max_monthly_increase)");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(shop.quantity("worker")).isEqualTo(35);
  }

  @Test
  void maxScaleDownPercent_overTheLimit_isABreachPerType() throws IOException {
    config(
        "guardrails: {max_scale_down_percent: 50}\n",
        SAME.replace("quantity: 10}", "quantity: 4}"));

    CliRunner.Result plan = run("plan");
    CliRunner.Result allowed = run("plan", "--allow", "max_scale_down_percent");

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.out())
        .contains(
            "! guardrail max_scale_down_percent: `worker` goes from 10 to 4 dynos, 60% removed;"
                + " the limit is 50%");
    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
  }

  @Test
  void maxScaleDownPercent_atTheLimit_isNoBreach() throws IOException {
    config(
        "guardrails: {max_scale_down_percent: 50}\n",
        SAME.replace("quantity: 10}", "quantity: 5}"));

    assertThat(run("plan").exitCode()).isZero();
  }

  @Test
  void protect_scaleToZeroAndPrune_areBreaches_andAllowLetsThemThrough() throws IOException {
    config(
        "guardrails: {protect: [web, clock]}\n",
        "      web: {size: standard-2x, quantity: 0}\n"
            + "      worker: {size: standard-2x, quantity: 10}\n");

    CliRunner.Result plan = run("plan");
    CliRunner.Result apply = run("apply", "--auto-approve");
    CliRunner.Result allowed = run("apply", "--auto-approve", "--allow", "protect");

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.out())
        .contains(
            "! guardrail protect: `web` is protected, but the plan scales it from 2 to 0 dynos")
        .contains(
            "! guardrail protect: `clock` is protected, but the plan prunes it from 1 to 0 dynos");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    assertThat(shop.quantity("web")).isZero();
    assertThat(shop.quantity("clock")).isZero();
  }

  @Test
  void appGuardrails_overrideTheTopLevelKeyByKey() throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        guardrails: {max_monthly_increase: 100, max_scale_down_percent: 10}
        apps:
          shop:
            guardrails: {max_monthly_increase: 5000}
            processes:
              web: {size: standard-2x, quantity: 2}
              worker: {size: standard-2x, quantity: 8}
              clock: {size: standard-2x, quantity: 1}
        """);

    CliRunner.Result plan = run("plan");

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.out())
        .contains("guardrail max_scale_down_percent")
        .doesNotContain("guardrail max_monthly_increase");
  }

  @Test
  void allow_anUnknownRule_isFM091WithAHint_andReadsNothing() throws IOException {
    config("guardrails: {max_monthly_increase: 500}\n", SAME);

    CliRunner.Result r = run("plan", "--allow", "max_monthly_increse");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM091]").contains("did you mean `max_monthly_increase`?");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void requireBranch_applyFromAnotherBranch_isRefused_andAllowedWithItsAuthorInTheNote()
      throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      var gitConfig = repo.git().getRepository().getConfig();
      gitConfig.setString("user", null, "name", "Grace Hopper");
      gitConfig.setString("user", null, "email", "grace@example.com");
      gitConfig.save();
      repo.write(
          "formation.yaml",
          """
          version: 1
          guardrails: {require_branch: main}
          apps:
            shop:
              processes:
                web: {size: standard-2x, quantity: 3}
          """);
      String onMain = repo.commit("config");
      repo.branch("feature").checkout("feature");
      repo.write(
          "formation.yaml",
          Files.readString(dir.resolve("formation.yaml")).replace("quantity: 3", "quantity: 4"));
      String onFeature = repo.commit("more web");

      CliRunner.Result plan = run("plan");
      CliRunner.Result refused = run("apply", "--auto-approve");
      CliRunner.Result allowed = run("apply", "--auto-approve", "--allow", "require_branch");
      CliRunner.Result log = run("log");

      assertThat(plan.exitCode()).as("plan judges no branch: " + plan).isZero();
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.out())
          .contains(
              "! guardrail require_branch: apply only from a commit on `main`: commit "
                  + onFeature.substring(0, 7)
                  + " is not on it");
      assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
      assertThat(shop.quantity("web")).isEqualTo(4);
      assertThat(log.out())
          .contains("(allowed require_branch by Grace Hopper <grace@example.com>)");
      assertThat(onMain).isNotEqualTo(onFeature);
    }
  }
}
