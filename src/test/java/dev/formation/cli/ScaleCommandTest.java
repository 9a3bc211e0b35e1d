package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code formation scale} and {@code import --merge} against the in-process fake Heroku. */
class ScaleCommandTest {
  private static final String CONFIG =
      """
      # the shop
      version: 1
      apps:
        shop:
          processes:
            web:
              size: performance-m   # autoscaled
              autoscale: {min: 2, max: 8}
            worker:
              size: standard-2x
              quantity: 1   # one for now
      """;

  @TempDir Path dir;
  private FakeHeroku heroku;
  private Path file;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    heroku.addApp("shop", "cedar").process("web", "performance-m", 2);
    heroku.app("shop").process("worker", "standard-2x", 1);
    file = dir.resolve("formation.yaml");
    Files.writeString(file, CONFIG);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec(args);
  }

  @Test
  void scale_editsTheFileInPlace_andPrintsThePlanOfTheResult() throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    CliRunner.Result r = run("scale", "worker+2", "web=performance-l");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(file))
        .isEqualTo(
            CONFIG
                .replace("quantity: 1   # one", "quantity: 3   # one")
                .replace("performance-m   #", "performance-l   #"));
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(r.out()).contains("shop worker quantity: 1 → 3").contains("worker").contains("3");
    assertThat(r.out()).contains("Plan:");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void refusedOrInvalidEdits_leaveTheFileUntouched_exit1() throws IOException {
    CliRunner.Result r = run("scale", "web=3", "--no-plan");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("formation.yaml:8:9: error[FM171]");
    r = run("scale", "worker=500", "--no-plan");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM175]").contains("error[FM041]");
    r = run("scale", "worker", "--no-plan");
    assertThat(r.err()).contains("error[FM173]");
    assertThat(Files.readString(file)).isEqualTo(CONFIG);
    assertThat(heroku.requests("GET", ".*")).isEmpty();
  }

  @Test
  void importMerge_adoptsLiveValues_keepsTheBand_addsLiveTypesWithAComment() throws IOException {
    heroku.app("shop").process("worker", "standard-1x", 4);
    heroku.app("shop").process("clock", "standard-1x", 1);
    CliRunner.Result r = run("import", "--merge");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(Files.readString(file))
        .isEqualTo(
            CONFIG.replace(
                    "standard-2x\n        quantity: 1   # one",
                    "standard-1x\n        quantity: 4   # one")
                + "      # adopted from the live platform on "
                + today
                + "\n      clock:\n        size: standard-1x\n        quantity: 1\n");
    assertThat(run("import", "--merge").out()).contains("already holds the live values");
    // the file's band stays: the only change left is the autoscaler the live app lacks
    assertThat(run("plan").out()).contains("1 to add, 0 to change").doesNotContain("clock");
  }

  @Test
  void aFailedRead_isReported_butTheEditStays_andAByteOrderMarkIsKept() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String gone = CONFIG.replace("  shop:", "  gone:");
    Files.write(file, concat(bom, gone.getBytes(StandardCharsets.UTF_8)));
    CliRunner.Result r = run("scale", "worker=2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out() + r.err()).as(r.toString()).contains("FM120");
    assertThat(Files.readAllBytes(file))
        .isEqualTo(
            concat(
                bom,
                gone.replace("quantity: 1 ", "quantity: 2 ").getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aSymlinkedFile_staysALink_andItsTargetIsEdited() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real")).resolve("shop.yaml");
    Files.move(file, real);
    Files.createSymbolicLink(file, real);
    assertThat(run("scale", "worker=2", "--no-plan").exitCode()).isZero();
    assertThat(Files.isSymbolicLink(file)).isTrue();
    assertThat(Files.readString(real)).isEqualTo(CONFIG.replace("quantity: 1 ", "quantity: 2 "));
  }

  @Test
  void importMerge_refusesALiveValueForASharedAnchor_andWritesNothing() throws IOException {
    String shared =
        """
        version: 1
        x-one: &one {size: standard-2x, quantity: 1}
        apps:
          shop:
            processes:
              web: {size: performance-m, autoscale: {min: 2, max: 8}}
              worker: {<<: *one}
          other:
            processes:
              worker: {<<: *one}
        """;
    Files.writeString(file, shared);
    heroku.app("shop").process("worker", "standard-2x", 5);
    CliRunner.Result r = run("import", "--merge", "shop");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM170]").contains("worker in app other");
    assertThat(Files.readString(file)).isEqualTo(shared);
  }

  @Test
  void importMerge_reportsAnAppNotLive() throws IOException {
    Files.writeString(file, CONFIG.replace("  shop:", "  gone:"));
    CliRunner.Result r = run("import", "--merge", "-f", "formation.yaml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[FM120]: gone:");
    assertThat(Files.readString(file)).isEqualTo(CONFIG.replace("  shop:", "  gone:"));
  }
}
