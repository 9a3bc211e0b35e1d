package dev.formation.ops;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.git.GitException;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.git.WorkTrees;

/**
 * Where apply meets git: the uncommitted-files refusal, the commit a plan was made from, and the
 * note recording an apply. Outside a git work tree every step is skipped without loading JGit.
 */
final class GitRecords {
  private GitRecords() {}

  static boolean inGit(ConfigSource source) {
    return WorkTrees.find(source.anchor()).isPresent();
  }

  /**
   * Adds an {@code FM101} error when tracked config files have uncommitted changes, and an {@code
   * FM103} warning when git does not track them (the apply then goes ahead, recorded nowhere).
   */
  static void checkCommitted(ConfigSource source, Diagnostics diagnostics) {
    if (!inGit(source)) {
      return;
    }
    GitRepo.FileStatus status;
    try (GitRepo git = GitRepo.open(source.anchor())) {
      status = git.status(source.files(), source.workDir());
    } catch (GitException e) {
      diagnostics.warning(
          Code.FM100,
          "cannot read the git status of the config: " + e.getMessage(),
          null,
          "the apply goes ahead and is recorded on no commit");
      return;
    }
    if (!status.changed().isEmpty()) {
      diagnostics.error(
          Code.FM101,
          "the config files have uncommitted changes; nothing was read or changed: "
              + String.join(", ", status.changed()),
          null,
          "commit them first, so the apply is recorded on the commit it applied, or pass"
              + " --allow-dirty");
    } else if (!status.untracked().isEmpty()) {
      diagnostics.warning(
          Code.FM103,
          "not tracked by git, so this apply is not recorded in "
              + GitNotes.REF
              + ": "
              + String.join(", ", status.untracked()),
          null,
          null);
    }
  }

  /**
   * The commit the config comes from: the commit of its ref when given, else HEAD when every config
   * file is committed as it is; {@code null} outside git, for files git does not track, or with
   * uncommitted changes (a warning says why when git itself failed).
   */
  static String commitOf(ConfigSource source, Diagnostics diagnostics) {
    if (!inGit(source)) {
      return null;
    }
    try (GitRepo git = GitRepo.open(source.anchor())) {
      if (source.ref() != null) {
        return git.commitId(source.ref());
      }
      return git.status(source.files(), source.workDir()).clean() ? git.headId() : null;
    } catch (GitException e) {
      diagnostics.warning(Code.FM100, "no git commit is recorded: " + e.getMessage(), null, null);
      return null;
    }
  }

  /**
   * Appends one apply record to the note on {@code commit}; a failure is an {@code FM104} warning,
   * since the platform was changed whatever git does.
   *
   * @return a line telling where the apply was recorded, or {@code null} when it was not
   */
  static String note(ConfigSource source, String commit, String record, Diagnostics diagnostics) {
    try (GitRepo git = GitRepo.open(source.anchor())) {
      GitNotes.append(git, commit, record);
      return "Recorded the apply in "
          + GitNotes.REF
          + " on "
          + commit.substring(0, 7)
          + " (share it: git push origin "
          + GitNotes.REF
          + ").";
    } catch (GitException e) {
      diagnostics.warning(
          Code.FM104,
          "the changes above were made, but the apply was not recorded in "
              + GitNotes.REF
              + ": "
              + e.getMessage(),
          null,
          "`formation log` will not show this apply; the platform holds what the report says");
      return null;
    }
  }
}
