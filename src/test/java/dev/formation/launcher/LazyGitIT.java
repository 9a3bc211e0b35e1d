package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.ClassLoads;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up stays fast: the packaged jar loads JGit only for commands that use git. */
class LazyGitIT {
  private static final String JGIT = "org.eclipse.jgit.";

  @TempDir Path dir;

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
    ClassLoads runs = ClassLoads.in(dir);

    assertThat(runs.count(JGIT, "validate")).isZero();
    assertThat(runs.count(JGIT, "sizes")).isZero();
    assertThat(runs.count(JGIT, "diff")).isPositive();
  }
}
