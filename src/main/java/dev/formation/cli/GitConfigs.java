package dev.formation.cli;

import dev.formation.catalog.Catalog;
import dev.formation.config.ConfigLoader;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import dev.formation.git.GitException;
import dev.formation.git.GitFiles;
import dev.formation.git.GitRepo;
import java.nio.file.Path;
import java.util.List;

/** Config loading from git, kept apart so commands that never use git never load JGit. */
final class GitConfigs {
  private GitConfigs() {}

  /** The config files at {@code ref}, named {@code REF:path} in diagnostics. */
  static LoadResult atRef(ConfigOptions config, String ref) throws GitException {
    try (GitRepo git = GitRepo.open(config.workingDir())) {
      return load(git, config, ref, ref, false);
    }
  }

  /**
   * The config files at {@code rev} in an open repository.
   *
   * @param missingOk a file absent at {@code rev} counts as empty (diff, log)
   */
  static LoadResult load(
      GitRepo git, ConfigOptions config, String rev, String label, boolean missingOk)
      throws GitException {
    List<SourceText> texts = texts(git, config, rev, label, missingOk);
    return loader(config.workingDir()).loadTexts(texts);
  }

  static List<SourceText> texts(
      GitRepo git, ConfigOptions config, String rev, String label, boolean missingOk)
      throws GitException {
    return GitFiles.at(git, rev, label, config.files(), config.workingDir(), missingOk);
  }

  static ConfigLoader loader(Path workingDir) {
    return new ConfigLoader(Catalog.standard(), workingDir);
  }
}
