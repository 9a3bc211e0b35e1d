package dev.formation.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** The commits that changed the formation files, newest first, from HEAD back. */
public final class GitHistory {
  private GitHistory() {}

  /**
   * One commit of the history.
   *
   * @param parentId the first parent, or {@code null} for a root commit
   */
  public record CommitInfo(
      String id, String shortId, String author, Instant time, String subject, String parentId) {}

  /**
   * The commits reachable from HEAD that touched any of {@code inputs}, at most {@code maxCount}
   * (the walk stops there, so a long history costs no more than the bound).
   */
  public static List<CommitInfo> touching(
      GitRepo git, List<Path> inputs, Path workingDir, int maxCount) throws GitException {
    if (git.headId() == null) {
      return new ArrayList<>();
    }
    return touching(git, "HEAD", inputs, workingDir, maxCount);
  }

  /**
   * The same walk from {@code start}: its first commit is the one whose version of the files {@code
   * start} holds (through merges, following the parent the files came from).
   */
  public static List<CommitInfo> touching(
      GitRepo git, String start, List<Path> inputs, Path workingDir, int maxCount)
      throws GitException {
    List<CommitInfo> commits = new ArrayList<>();
    walk(git, start, inputs, workingDir, maxCount, commits::add);
    return commits;
  }

  /**
   * The same walk, handing each commit to {@code visitor} until it returns {@code false}: the walk
   * goes no further back than the caller needs.
   */
  public static void walk(
      GitRepo git,
      String start,
      List<Path> inputs,
      Path workingDir,
      int maxCount,
      Predicate<CommitInfo> visitor)
      throws GitException {
    try (Git api = new Git(git.repository())) {
      LogCommand log = api.log().add(git.resolve(start)).setMaxCount(maxCount);
      for (Path input : inputs) {
        String path = git.repoPath(workingDir.resolve(input));
        if (!path.equals(".")) {
          log.addPath(path);
        }
      }
      for (RevCommit c : log.call()) {
        CommitInfo info =
            new CommitInfo(
                c.name(),
                c.abbreviate(7).name(),
                c.getAuthorIdent().getName(),
                c.getAuthorIdent().getWhenAsInstant(),
                c.getShortMessage(),
                c.getParentCount() == 0 ? null : c.getParent(0).name());
        if (!visitor.test(info)) {
          return;
        }
      }
    } catch (IOException | GitAPIException e) {
      throw new GitException("cannot walk the git history: " + e.getMessage(), e);
    }
  }
}
