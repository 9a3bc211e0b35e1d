package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write answered 2xx with a body that cannot be read: the app is read again to decide. */
class ApplyUnreadableAnswerTest {
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

  @BeforeEach
  void start() throws Exception {
    heroku = FakeHeroku.start();
    staging = heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  private CliRunner.Result apply() {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE)
        .exec("apply", "--auto-approve");
  }

  @Test
  void apply_writeCarriedOutButItsAnswerGarbled_isReadAgainAndCountedDone() {
    heroku.inject(FakeFault.garbled("[{\"type\":\"web\",\"quant").on("PATCH", ".*/formation"));

    CliRunner.Result r = apply();

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(staging.quantity("web")).isEqualTo(2);
    assertThat(r.out()).contains("its answer could not be read; a re-read shows it done");
    assertThat(heroku.requests("GET", "/apps/shop-staging/formation")).hasSize(2);
  }

  @Test
  void apply_writeAnswered200WithGarbageButNotCarriedOut_isFailedAfterTheReRead() {
    heroku.inject(FakeFault.answer(200, "not json at all", Map.of()).on("PATCH", ".*/formation"));

    CliRunner.Result r = apply();

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(staging.quantity("web")).isEqualTo(1);
    assertThat(r.out()).contains("a re-read shows it was not done");
    assertThat(heroku.requests("GET", "/apps/shop-staging/formation")).hasSize(2);
  }
}
