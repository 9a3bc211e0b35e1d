package dev.formation.cli;

import dev.formation.git.GitException;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.git.WorkTrees;
import java.io.PrintWriter;
import java.util.Set;

/**
 * Where apply meets git: the dirty-files refusal, the commit a plan was made from, and the note
 * recording an apply. Outside a git work tree every step is skipped without loading JGit.
 */
final class ApplyRecords {
  private ApplyRecords() {}

  static boolean inGit(ConfigOptions config) {
    return WorkTrees.find(config.workingDir()).isPresent();
  }

  /**
   * The commit the config comes from: the commit of {@code ref} when given, else HEAD when the
   * config files are committed as they are; {@code null} outside git or with uncommitted changes.
   */
  static String commitOf(ConfigOptions config, String ref, PrintWriter err) {
    if (!inGit(config)) {
      return null;
    }
    try (GitRepo git = GitRepo.open(config.workingDir())) {
      if (ref != null) {
        return git.commitId(ref);
      }
      return git.uncommitted(config.files(), config.workingDir()).isEmpty() ? git.headId() : null;
    } catch (GitException e) {
      err.println("warning: the plan records no git commit: " + e.getMessage());
      return null;
    }
  }

  /** The config files with uncommitted changes; empty outside git. */
  static Set<String> uncommitted(ConfigOptions config) throws GitException {
    if (!inGit(config)) {
      return Set.of();
    }
    try (GitRepo git = GitRepo.open(config.workingDir())) {
      return git.uncommitted(config.files(), config.workingDir());
    }
  }

  /** HEAD's commit when the working folder is in git, else {@code null}. */
  static String head(ConfigOptions config) throws GitException {
    if (!inGit(config)) {
      return null;
    }
    try (GitRepo git = GitRepo.open(config.workingDir())) {
      return git.headId();
    }
  }

  /** Appends one apply record to the note on {@code commit}; a failure is a warning only. */
  static void note(ConfigOptions config, String commit, String record, PrintWriter err) {
    try (GitRepo git = GitRepo.open(config.workingDir())) {
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
