package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code formation fmt}: rewrite, {@code --check}, {@code --diff}, and refusals. */
class FmtCommandTest {
  private static final String MESSY =
      "version:   1\napps:\n   shop:   # the shop\n      processes:\n"
          + "         web: {size: 'standard-1x',quantity: 2}\n";
  private static final String LAID_OUT =
      "version: 1\napps:\n  shop:    # the shop\n    processes:\n"
          + "      web: {size: standard-1x, quantity: 2}\n";

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void write() throws IOException {
    file = dir.resolve("formation.yaml");
    Files.writeString(file, MESSY);
  }

  private CliRunner.Result run(String... args) {
    return CliRunner.in(dir, Map.of(), Environment.Terminal.NONE).exec(args);
  }

  private String file() throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void fmt_rewritesTheFileInPlace_keepingItsPermissions_andNamesIt() throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    CliRunner.Result r = run("fmt");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("formation.yaml\n");
    assertThat(file()).isEqualTo(LAID_OUT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    CliRunner.Result again = run("fmt");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEmpty();
  }

  @Test
  void check_writesNothing_namesTheFile_andExitsOne_thenZeroOnceLaidOut() throws IOException {
    CliRunner.Result r = run("fmt", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("formation.yaml\n");
    assertThat(r.err())
        .contains("formation.yaml:1:10: error[FM178]: `formation.yaml` is not laid out")
        .contains("run `formation fmt -f formation.yaml`");
    assertThat(file()).isEqualTo(MESSY);

    run("fmt");
    CliRunner.Result clean = run("fmt", "--check");
    assertThat(clean.exitCode()).isZero();
    assertThat(clean.out()).isEmpty();
    assertThat(clean.err()).isEmpty();
  }

  @Test
  void checkDiff_printsAUnifiedDiff_andWritesNothing() throws IOException {
    CliRunner.Result r = run("fmt", "--check", "--diff");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            """
            formation.yaml
            --- formation.yaml
            +++ formation.yaml
            @@ -1,5 +1,5 @@
            -version:   1
            +version: 1
             apps:
            -   shop:   # the shop
            -      processes:
            -         web: {size: 'standard-1x',quantity: 2}
            +  shop:    # the shop
            +    processes:
            +      web: {size: standard-1x, quantity: 2}
            """);
    assertThat(file()).isEqualTo(MESSY);
  }

  @Test
  void aFileThatDoesNotValidate_isRefusedWithItsFindings_andLeftAsItIs() throws IOException {
    String invalid = "version:   1\napps:\n  shop:\n    processes:\n      web: {size: huge}\n";
    Files.writeString(file, invalid);

    CliRunner.Result r = run("fmt");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("formation.yaml:5:").contains("error[FM0");
    assertThat(r.out()).isEmpty();
    assertThat(file()).isEqualTo(invalid);
  }

  @Test
  void aFolder_standsForItsYamlFiles_eachRewrittenOnItsOwn() throws IOException {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("a.yaml"), MESSY);
    Files.writeString(conf.resolve("b.yaml"), LAID_OUT.replace("shop", "other"));

    CliRunner.Result r = run("fmt", "-f", "conf");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("conf/a.yaml\n");
    assertThat(Files.readString(conf.resolve("a.yaml"))).isEqualTo(LAID_OUT);
  }

  @Test
  void aMissingFinalLineBreak_isAdded_andTheDiffSaysSo() throws IOException {
    Files.writeString(file, LAID_OUT.stripTrailing());

    CliRunner.Result r = run("fmt", "--check", "--diff");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "formation.yaml\n--- formation.yaml\n+++ formation.yaml\n"
                + "(only line breaks at the end change)\n");
    assertThat(run("fmt").exitCode()).isZero();
    assertThat(file()).isEqualTo(LAID_OUT);
  }

  @Test
  void crlfFile_keepsCrlf() throws IOException {
    Files.writeString(file, MESSY.replace("\n", "\r\n"));

    assertThat(run("fmt").exitCode()).isZero();

    assertThat(file()).isEqualTo(LAID_OUT.replace("\n", "\r\n"));
  }
}
