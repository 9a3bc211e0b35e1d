package dev.formation.ops;

import dev.formation.catalog.Catalog;
import dev.formation.config.ConfigLoader;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import dev.formation.git.GitException;
import dev.formation.git.GitFiles;
import dev.formation.git.GitRepo;
import java.util.List;

/** Config loading from git, kept apart so commands that never use git never load JGit. */
final class GitConfigs {
  private GitConfigs() {}

  /** The config files at {@code source.ref()}, named {@code REF:path} in diagnostics. */
  static LoadResult atRef(ConfigSource source) throws GitException {
    try (GitRepo git = GitRepo.open(source.anchor())) {
      return load(git, source, source.ref(), source.ref(), false);
    }
  }

  /**
   * The config files at {@code rev} in an open repository.
   *
   * @param missingOk a file absent at {@code rev} counts as empty (diff, log)
   */
  static LoadResult load(
      GitRepo git, ConfigSource source, String rev, String label, boolean missingOk)
      throws GitException {
    return loader(source).loadTexts(texts(git, source, rev, label, missingOk));
  }

  static List<SourceText> texts(
      GitRepo git, ConfigSource source, String rev, String label, boolean missingOk)
      throws GitException {
    return GitFiles.at(git, rev, label, source.files(), source.workDir(), missingOk);
  }

  static ConfigLoader loader(ConfigSource source) {
    return new ConfigLoader(Catalog.standard(), source.workDir());
  }
}
