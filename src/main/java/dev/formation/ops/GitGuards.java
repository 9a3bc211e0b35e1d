package dev.formation.ops;

import dev.formation.git.GitBranches;
import dev.formation.git.GitException;
import dev.formation.git.GitIdentity;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.plan.AppliedFormation;
import dev.formation.planfile.ApplyNoteJson;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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

  /**
   * Per app, the formation its last recorded apply left, read from {@code refs/notes/formation} on
   * the first question and kept for the rest of the run; {@code null} for an app with no such
   * record, and for every app outside git or when the notes cannot be read (the guardrail then
   * measures from the live count, and says so).
   */
  static Function<String, AppliedFormation> lastApplied(ConfigSource source) {
    AtomicReference<Map<String, AppliedFormation>> read = new AtomicReference<>();
    return app -> {
      if (read.get() == null) {
        Map<String, AppliedFormation> records = Map.of();
        if (GitRecords.inGit(source)) {
          try (GitRepo git = GitRepo.open(source.anchor())) {
            records = ApplyNoteJson.lastApplied(GitNotes.all(git).values());
          } catch (GitException e) {
            // no record to measure from: the live count is used, as outside git
          }
        }
        read.set(records);
      }
      return read.get().get(app);
    };
  }

  /**
   * The git author of whoever runs the apply, as {@code git var GIT_AUTHOR_IDENT} would give it in
   * the config's repository and the environment formation runs in; {@code null} outside git or when
   * no identity is set.
   */
  static String author(ConfigSource source, Host host) {
    if (!GitRecords.inGit(source)) {
      return null;
    }
    try (GitRepo git = GitRepo.open(source.anchor())) {
      return GitIdentity.author(git, host.env(), host.home());
    } catch (GitException e) {
      return null;
    }
  }
}
