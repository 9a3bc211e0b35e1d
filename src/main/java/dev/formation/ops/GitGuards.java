package dev.formation.ops;

import dev.formation.git.GitBranches;
import dev.formation.git.GitException;
import dev.formation.git.GitRepo;
import java.util.function.Function;

/**
 * What the {@code require_branch} guardrail and the apply note ask of git: whether the commit being
 * applied is on a branch, and who runs the apply. Outside a git work tree JGit is never loaded.
 */
final class GitGuards {
  private GitGuards() {}

  /**
   * Why applying {@code commit} does not come from a commit on a branch, or {@code null} when it
   * does.
   *
   * @param commit the commit being applied; {@code null} when the config is on none
   */
  static Function<String, String> branchProblem(ConfigSource source, String commit) {
    return branch -> {
      if (!GitRecords.inGit(source)) {
        return "the config is not in a git work tree";
      }
      if (commit == null) {
        return "the config files are not committed as they are, so the apply is on no commit";
      }
      try (GitRepo git = GitRepo.open(source.anchor())) {
        if (GitBranches.contains(git, branch, commit)) {
          return null;
        }
        String shortId = commit.substring(0, Math.min(7, commit.length()));
        return GitBranches.exists(git, branch)
            ? "commit " + shortId + " is not on it"
            : "commit " + shortId + " is not on it (the repository has no branch `" + branch + "`)";
      } catch (GitException e) {
        return "cannot tell: " + e.getMessage();
      }
    };
  }

  /** The git author of whoever runs the apply, or {@code null} outside git. */
  static String author(ConfigSource source) {
    if (!GitRecords.inGit(source)) {
      return null;
    }
    try (GitRepo git = GitRepo.open(source.anchor())) {
      return GitBranches.author(git);
    } catch (GitException e) {
      return null;
    }
  }
}
