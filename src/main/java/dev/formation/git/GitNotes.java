package dev.formation.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The apply records under {@code refs/notes/formation}: one note per commit, one line of text per
 * apply of that commit, so a second apply appends instead of replacing the first.
 */
public final class GitNotes {
  /** Where the records live; push it with {@code git push origin refs/notes/formation}. */
  public static final String REF = "refs/notes/formation";

  private GitNotes() {}

  /** Adds {@code line} to the note on {@code commitId}, keeping what the note held. */
  public static void append(GitRepo git, String commitId, String line) throws GitException {
    if (line.contains("\n")) {
      throw new IllegalArgumentException("a record is one line");
    }
    try (Git api = new Git(git.repository());
        RevWalk walk = new RevWalk(git.repository())) {
      RevCommit commit = walk.parseCommit(git.resolve(commitId));
      Note existing = api.notesShow().setNotesRef(REF).setObjectId(commit).call();
      String before = existing == null ? "" : text(git, existing);
      String message = before.isEmpty() || before.endsWith("\n") ? before : before + "\n";
      api.notesAdd().setNotesRef(REF).setObjectId(commit).setMessage(message + line + "\n").call();
    } catch (IOException | GitAPIException e) {
      throw new GitException(
          "cannot write the apply note on " + commitId + ": " + e.getMessage(), e);
    }
  }

  /** Every note's text by the full id of the commit it is on. */
  public static Map<String, String> all(GitRepo git) throws GitException {
    Map<String, String> notes = new LinkedHashMap<>();
    try (Git api = new Git(git.repository())) {
      if (git.repository().exactRef(REF) == null) {
        return notes;
      }
      for (Note note : api.notesList().setNotesRef(REF).call()) {
        notes.put(note.name(), text(git, note));
      }
    } catch (IOException | GitAPIException e) {
      throw new GitException("cannot read " + REF + ": " + e.getMessage(), e);
    }
    return notes;
  }

  private static String text(GitRepo git, Note note) throws IOException {
    ObjectId data = note.getData();
    return new String(git.repository().open(data).getBytes(), StandardCharsets.UTF_8);
  }
}
