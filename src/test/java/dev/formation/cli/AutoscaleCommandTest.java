package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code formation autoscale} on the command line; its rounds against Redis and the fake Heroku API
 * are tested below it ({@code AutoscaleControllerTest}).
 */
class AutoscaleCommandTest {
  @TempDir Path dir;

  @Test
  void aFileWithoutQueueRules_isFM200_exit1_andNothingIsRead() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop:
            processes:
              worker: {size: standard-2x, quantity: 3}
        """);
    try (FakeHeroku heroku = FakeHeroku.start()) {
      heroku.addApp("shop", "cedar").process("worker", "standard-2x", 3);
      CliRunner.Result r =
          CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec("autoscale", "--once");
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("error[FM200]: no process type to autoscale on queues");
      assertThat(heroku.requests()).isEmpty();
    }
  }

  @Test
  void anInvalidFile_isReported_andNothingRuns() throws Exception {
    Files.writeString(dir.resolve("formation.yaml"), "version: 1\napps: {shop: {processes: 3}}\n");
    CliRunner.Result r = CliRunner.in(dir).exec("autoscale", "--once");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error[FM0");
  }
}
