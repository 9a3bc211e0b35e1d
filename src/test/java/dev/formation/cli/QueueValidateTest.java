package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code validate} of queue rules, and of a file that holds a password where it must not. */
class QueueValidateTest {
  @TempDir Path dir;

  private static final String LEAKY =
      """
      version: 1
      apps:
        shop:
          processes:
            web: {size: standard-1x, quantity: 1}
            worker:
              size: standard-1x
              autoscale:
                min: 1
                max: 4
                queue:
                  redis: {url_env: "redis://:s3cret@cache:6379", list: jobs}
                  per_dyno: 10
      """;

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "json", "github", "codequality"})
  void aPasswordInTheFile_isALocatedError_thatNoFormatShows(String format) throws IOException {
    Files.writeString(dir.resolve("formation.yaml"), LEAKY);

    CliRunner.Result r = CliRunner.in(dir).exec("validate", "--format", format);

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("FM043").doesNotContain("s3cret");
  }

  @Test
  void theTextExcerpt_showsTheLineMasked() throws IOException {
    Files.writeString(dir.resolve("formation.yaml"), LEAKY);

    CliRunner.Result r = CliRunner.in(dir).exec("validate");

    assertThat(r.out())
        .contains("formation.yaml:12:30: error[FM043]: ")
        .contains("holds a URL with a password: `redis://:***@cache:6379`")
        .contains(
            "            redis: {url_env: \"redis://:***@cache:6379\", list: jobs}\n"
                + "                             ^\n");
  }

  @Test
  void queueRules_onEverySize_validate() throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop:
            processes:
              web:
                size: standard-1x
                autoscale:
                  min: 1
                  max: 6
                  queue: {redis: {url_env: REDIS_URL, list: web}, per_dyno: 20}
              worker:
                size: standard-2x
                autoscale:
                  min: 1
                  max: 10
                  queue:
                    postgres:
                      url_env: DATABASE_URL
                      query: SELECT count(*) FROM good_jobs WHERE finished_at IS NULL
                    per_dyno: 50
                    scale_down_after: 10m
                    interval: 15s
        """);

    CliRunner.Result r = CliRunner.in(dir).exec("validate");

    assertThat(r.exitCode()).as("%s", r).isEqualTo(0);
  }
}
