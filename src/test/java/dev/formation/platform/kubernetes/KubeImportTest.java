package dev.formation.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Resources;
import dev.formation.cli.Environment;
import dev.formation.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} of Deployments whose containers match no size, or request nothing: the file names
 * the nearest size with a comment, {@code validate} accepts it, and {@code plan} shows exactly the
 * resources it would set, nothing else.
 */
@Timeout(120)
class KubeImportTest {
  @TempDir Path dir;
  KubeHarness cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = KubeHarness.crud(dir);
    Map<String, String> partOf = Map.of(KubernetesPlatform.PART_OF, "shop");
    cluster.seed("shop-web", "standard-2x", 2, partOf);
    cluster.seed("shop-worker", Resources.ofMib(300, 768), 3, partOf);
    cluster.seed("shop-jobs", (Resources) null, 1, partOf);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private CliRunner.Result run(String... args) {
    Map<String, String> env = new HashMap<>(cluster.env());
    env.put("HOME", dir.toString());
    return CliRunner.in(dir, env, Environment.Terminal.NONE).exec(args);
  }

  @Test
  void import_neverWritesCustom_validateAcceptsIt_andPlanShowsOnlyTheResourcesItWouldSet()
      throws Exception {
    CliRunner.Result imported =
        run("import", "shop", "--platform", "kubernetes", "--namespace", "shop");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out())
        .doesNotContain("custom")
        .contains(
            "# the Deployment requests 768 MiB, 0.3 CPU, which no size matches; Standard-2X is"
                + " the nearest (1 GiB, 0.5 CPU)")
        .contains(
            "# the Deployment requests no CPU or memory; Standard-1X is the import's default"
                + " (512 MiB, 0.25 CPU)");
    Files.writeString(dir.resolve("formation.yaml"), imported.out());

    CliRunner.Result validate = run("validate");
    assertThat(validate.exitCode()).as(validate.toString()).isZero();

    // the file cannot say "768 MiB, 0.3 CPU" without a size for it, so the plan shows that
    // applying it would size the two containers; every count, and web, is left as it is
    CliRunner.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("~ jobs")
        .contains("custom (0 MiB, 0 CPU) ×1 → Standard-1X (512 MiB, 0.25 CPU) ×1")
        .contains("~ worker")
        .contains("custom (768 MiB, 0.3 CPU) ×3 → Standard-2X (1 GiB, 0.5 CPU) ×3")
        .doesNotContain("~ web");
  }
}
