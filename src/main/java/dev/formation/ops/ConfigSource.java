package dev.formation.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the config comes from: the {@code -f} inputs as given (relative paths stay relative, for
 * the names in diagnostics), the folder they resolve against, and the git ref to read them at.
 *
 * @param ref a commit, branch or tag to read the files at without a checkout; {@code null} for the
 *     files on disk
 */
public record ConfigSource(List<Path> files, Path workDir, String ref) {
  /** Read when no {@code -f} is given. */
  public static final Path DEFAULT_FILE = Path.of("formation.yaml");

  public ConfigSource {
    files = files == null || files.isEmpty() ? List.of(DEFAULT_FILE) : List.copyOf(files);
    workDir = workDir.toAbsolutePath().normalize();
  }

  /** The files on disk. */
  public static ConfigSource onDisk(List<Path> files, Path workDir) {
    return new ConfigSource(files, workDir, null);
  }

  /**
   * The folder whose git work tree the config belongs to: the first input's folder (or the folder
   * given with {@code -f}), not the working directory, so that a config kept outside a repository
   * is outside git even when formation runs from inside one.
   */
  public Path anchor() {
    Path first = workDir.resolve(files.get(0)).normalize();
    return Files.isDirectory(first) ? first : first.getParent();
  }
}
