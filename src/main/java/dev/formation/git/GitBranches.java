package dev.formation.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** What the {@code require_branch} guardrail asks of git: whether a commit is on a branch. */
public final class GitBranches {
  private GitBranches() {}

  /**
   * Whether {@code commitId} is on {@code branch}: the branch's tip, or an ancestor of it, for the
   * local branch or any remote-tracking branch of that name ({@code origin/main}), so that a CI job
   * on a detached checkout of main counts as on main.
   */
  public static boolean contains(GitRepo git, String branch, String commitId) throws GitException {
    List<Ref> refs = new ArrayList<>();
    try {
      Ref local = git.repository().exactRef(Constants.R_HEADS + branch);
      if (local != null) {
        refs.add(local);
      }
      for (Ref r : git.repository().getRefDatabase().getRefsByPrefix(Constants.R_REMOTES)) {
        String name = r.getName().substring(Constants.R_REMOTES.length());
        if (name.endsWith("/" + branch)
            && name.indexOf('/') == name.length() - branch.length() - 1) {
          refs.add(r);
        }
      }
      if (refs.isEmpty()) {
        return false;
      }
      ObjectId commit = git.resolve(commitId);
      try (RevWalk walk = new RevWalk(git.repository())) {
        RevCommit target = walk.parseCommit(commit);
        for (Ref r : refs) {
          if (r.getObjectId() != null
              && walk.isMergedInto(target, walk.parseCommit(r.getObjectId()))) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new GitException("cannot read the branches of the repository: " + e.getMessage(), e);
    }
  }

  /** Whether the repository has a branch of this name, locally or on a remote. */
  public static boolean exists(GitRepo git, String branch) throws GitException {
    try {
      if (git.repository().exactRef(Constants.R_HEADS + branch) != null) {
        return true;
      }
      return git.repository().getRefDatabase().getRefsByPrefix(Constants.R_REMOTES).stream()
          .anyMatch(r -> r.getName().endsWith("/" + branch));
    } catch (IOException e) {
      throw new GitException("cannot read the branches of the repository: " + e.getMessage(), e);
    }
  }
}
