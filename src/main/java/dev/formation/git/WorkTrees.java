package dev.formation.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the git work tree a folder belongs to by looking for {@code .git} upwards, without JGit, so
 * that apply and plan outside git never load it.
 */
public final class WorkTrees {
  private WorkTrees() {}

  /** The top folder of the work tree holding {@code dir}, if any. */
  public static Optional<Path> find(Path dir) {
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
