package dev.formation.config;

import java.nio.file.Path;

/**
 * The text of one config file, however it was obtained (from disk, or from a git commit).
 *
 * @param displayName the name shown in diagnostics: a path as given, or {@code REF:path}
 * @param baseDir the folder that relative paths in the file (a local app's {@code dir}) resolve
 *     against, or {@code null} when the file is not on disk, which skips checks of those folders
 */
public record SourceText(String displayName, String text, Path baseDir) {
  public SourceText {
    if (displayName == null || text == null) {
      throw new IllegalArgumentException("a source text needs a name and a text");
    }
  }
}
