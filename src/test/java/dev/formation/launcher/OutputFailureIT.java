package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeHeroku;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that could not be written is a failure: the packaged jar with its standard output on
 * {@code /dev/full} (every write fails with "No space left on device") exits 1 with FM145.
 */
class OutputFailureIT {
  private static final Path JAR = Path.of("target", "formation.jar").toAbsolutePath();
  private static final File FULL = new File("/dev/full");

  @TempDir Path dir;
  private FakeHeroku heroku;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    heroku.addApp("shop-staging", "cedar").process("web", "standard-1x", 1);
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop-staging:
            processes:
              web: {size: standard-1x, quantity: 2}
        """);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  private Process run(File stdout, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(stdout)
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().putAll(heroku.env());
    pb.environment().put("FORMATION_HOME", dir.resolve("home").toString());
    return pb.start();
  }

  private int exit(Process p) throws InterruptedException {
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private String err() throws IOException {
    return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void everyKindOfOutput_intoAFullDevice_exits1WithFM145() throws Exception {
    List<List<String>> commands =
        List.of(
            List.of("validate"),
            List.of("sizes", "--format", "json"),
            List.of("plan", "--format", "json"),
            List.of("import", "shop-staging"),
            List.of("local", "status"));
    for (List<String> args : commands) {
      int code = exit(run(FULL, args.toArray(String[]::new)));

      assertThat(code).as("%s: %s", args, err()).isEqualTo(1);
      assertThat(err())
          .as("%s", args)
          .contains("error[FM145]: the output could not be written (No space left on device)");
    }
  }

  @Test
  void theSameCommands_intoAFile_exitAsBefore() throws Exception {
    File out = dir.resolve("out.txt").toFile();

    assertThat(exit(run(out, "validate"))).as(err()).isZero();
    assertThat(exit(run(out, "plan", "--detailed-exitcode"))).as(err()).isEqualTo(2);
    assertThat(err()).doesNotContain("FM145");
    assertThat(Files.readString(out.toPath())).contains("shop-staging");
  }
}
