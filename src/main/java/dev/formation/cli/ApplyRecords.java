package dev.formation.cli;

import dev.formation.git.GitException;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.git.WorkTrees;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where apply meets git: the dirty-files refusal, the commit a plan was made from, and the note
 * recording an apply. Outside a git work tree every step is skipped without loading JGit.
 */
final class ApplyRecords {
  private ApplyRecords() {}

  /**
   * The folder whose work tree the config belongs to: the first config file's folder (or the folder
   * given with {@code -f}), not the working directory, so that a config kept outside a repository
   * is outside git even when formation runs from inside one.
   */
  static Path anchor(ConfigOptions config) {
    Path first = config.workingDir().resolve(config.files().get(0)).normalize();
    return Files.isDirectory(first) ? first : first.getParent();
  }

  static boolean inGit(ConfigOptions config) {
    return WorkTrees.find(anchor(config)).isPresent();
  }

  /** The config files' state in git; {@code null} outside git. */
  static GitRepo.FileStatus status(ConfigOptions config) throws GitException {
    if (!inGit(config)) {
      return null;
    }
    try (GitRepo git = GitRepo.open(anchor(config))) {
      return git.status(config.files(), config.workingDir());
    }
  }

  /**
   * The commit the config comes from: the commit of {@code ref} when given, else HEAD when every
   * config file is committed as it is; {@code null} outside git, for files git does not track, or
   * with uncommitted changes.
   */
  static String commitOf(ConfigOptions config, String ref, PrintWriter err) {
    if (!inGit(config)) {
      return null;
    }
    try (GitRepo git = GitRepo.open(anchor(config))) {
      if (ref != null) {
        return git.commitId(ref);
      }
      return git.status(config.files(), config.workingDir()).clean() ? git.headId() : null;
    } catch (GitException e) {
      err.println("warning: no git commit is recorded: " + e.getMessage());
      return null;
    }
  }

  /** Appends one apply record to the note on {@code commit}; a failure is a warning only. */
  static void note(ConfigOptions config, String commit, String record, PrintWriter err) {
    try (GitRepo git = GitRepo.open(anchor(config))) {
      GitNotes.append(git, commit, record);
      err.println(
          "Recorded the apply in "
              + GitNotes.REF
              + " on "
              + commit.substring(0, 7)
              + " (share it: git push origin "
              + GitNotes.REF
              + ").");
    } catch (GitException e) {
      err.println("warning: the apply was not recorded in git: " + e.getMessage());
    }
    err.flush();
  }
}
