package dev.formation.cli;

import dev.formation.config.LoadResult;
import dev.formation.git.GitException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --ref GITREF} option of validate, plan and drift, as a mixin. */
public final class RefOption {
  @Option(
      names = "--ref",
      paramLabel = "GITREF",
      description =
          "Read the config files as they are at this git commit, branch or tag, without a"
              + " checkout. -f paths are taken in the work tree; a local app's `dir` resolves in"
              + " the work tree.")
  private String ref;

  /** The ref given, or {@code null} for the files on disk. */
  public String ref() {
    return ref;
  }

  /** Loads the config from disk, or from git with {@code --ref}. */
  LoadResult load(ConfigOptions config) throws GitException {
    // GitConfigs is touched only with --ref, so commands without it never load JGit
    return ref == null ? config.load() : GitConfigs.atRef(config, ref);
  }

  /**
   * Like {@link #load}, but a git failure (unknown ref, not a repository) is told on {@code err} as
   * one line, and the result is {@code null}: the command then exits 1.
   */
  LoadResult loadOrReport(ConfigOptions config, PrintWriter err) {
    try {
      return load(config);
    } catch (GitException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return null;
    }
  }
}
