package dev.formation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A throwaway git repository for tests, built with JGit: write files, commit, branch, merge. */
public final class GitFixture implements AutoCloseable {
  private final Git git;
  private final Path dir;
  private long clock = Instant.parse("2026-01-05T10:00:00Z").getEpochSecond();

  private GitFixture(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  public static GitFixture init(Path dir) {
    try {
      return new GitFixture(
          Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  public GitFixture write(String path, String text) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages everything and commits with a fixed author and a clock one hour on each time. */
  public String commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      clock += 3600;
      PersonIdent who =
          new PersonIdent(
              "Ada Lovelace", "ada@example.com", Instant.ofEpochSecond(clock), ZoneOffset.UTC);
      RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
      return c.name();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture branch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture tag(String name) {
    try {
      git.tag().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Merges {@code branch} into the current branch with a merge commit. */
  public String merge(String branch, String message) {
    try {
      var result =
          git.merge()
              .include(git.getRepository().resolve(branch))
              .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
              .setMessage(message)
              .call();
      return result.getNewHead().name();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Makes {@code local} track {@code remoteRef} (a ref under refs/remotes pointing at a commit).
   */
  public GitFixture upstream(String local, String remoteName, String remoteBranch, String commit) {
    try {
      var update = git.getRepository().updateRef("refs/remotes/" + remoteName + "/" + remoteBranch);
      update.setNewObjectId(git.getRepository().resolve(commit));
      update.forceUpdate();
      var cfg = git.getRepository().getConfig();
      cfg.setString("remote", remoteName, "url", dir.toUri().toString());
      cfg.setString(
          "remote", remoteName, "fetch", "+refs/heads/*:refs/remotes/" + remoteName + "/*");
      cfg.setString("branch", local, "remote", remoteName);
      cfg.setString("branch", local, "merge", "refs/heads/" + remoteBranch);
      cfg.save();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Git git() {
    return git;
  }

  @Override
  public void close() {
    git.close();
  }
}
