package dev.formation.ops;

import dev.formation.catalog.Catalog;
import dev.formation.config.ConfigLoader;
import dev.formation.config.LoadResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.Sources;
import dev.formation.git.GitException;

/** Loads a config from disk or, with a ref, from git; a git failure is a diagnostic too. */
public final class Configs {
  private Configs() {}

  public static LoadResult load(ConfigSource source) {
    if (source.ref() == null) {
      return new ConfigLoader(Catalog.standard(), source.workDir()).load(source.files());
    }
    try {
      // GitConfigs is touched only with a ref, so commands without one never load JGit
      return GitConfigs.atRef(source);
    } catch (GitException e) {
      return failed(Code.FM100, e.getMessage(), null);
    }
  }

  /** A load that failed before any file was read. */
  static LoadResult failed(Code code, String message, String hint) {
    Diagnostics d = new Diagnostics().error(code, message, null, hint);
    return new LoadResult(null, d, new Sources());
  }
}
