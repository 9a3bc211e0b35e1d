package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up stays fast: the packaged jar loads JGit only for commands that use git. */
class LazyGitIT {
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir Path dir;

  private long jgitClassesLoaded(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-verbose:class",
                "-jar",
                BUILT_JAR.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("classes.log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(log.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("org.eclipse.jgit."))
        .count();
  }

  @Test
  void validateAndSizes_loadNoJgitClass_whileDiffDoes() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop-staging:
            processes:
              web: {size: standard-1x, quantity: 1}
        """);

    assertThat(jgitClassesLoaded("validate")).isZero();
    assertThat(jgitClassesLoaded("sizes")).isZero();
    assertThat(jgitClassesLoaded("diff")).isPositive();
  }
}
