package dev.formation.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The apply records under {@code refs/notes/formation}: one note per commit, one line of text per
 * apply of that commit, so a second apply appends instead of replacing the first.
 *
 * <p>Several applies may record at once (one per app in parallel CI jobs, say). Each write moves
 * the notes ref only from the value it read, under git's lock file; when another writer moved it
 * first, or holds the lock, the line is appended again to what the note holds by then, until a
 * deadline. So concurrent records all land, and a write that could not be made is an error, never a
 * silent loss.
 */
public final class GitNotes {
  /** Where the records live; push it with {@code git push origin refs/notes/formation}. */
  public static final String REF = "refs/notes/formation";

  /** How long an append keeps trying while other writers hold or move the notes ref. */
  public static final Duration PATIENCE = Duration.ofSeconds(5);

  private GitNotes() {}

  /** Adds {@code line} to the note on {@code commitId}, keeping what the note held. */
  public static void append(GitRepo git, String commitId, String line) throws GitException {
    append(git, commitId, line, PATIENCE);
  }

  /**
   * As {@link #append(GitRepo, String, String)}, giving up after {@code patience} of finding the
   * ref locked or moved by another writer.
   */
  public static void append(GitRepo git, String commitId, String line, Duration patience)
      throws GitException {
    if (line.contains("\n")) {
      throw new IllegalArgumentException("a record is one line");
    }
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      while (true) {
        RefUpdate.Result result = tryAppend(git.repository(), git.resolve(commitId), line);
        switch (result) {
          case NEW, FAST_FORWARD, FORCED:
            return;
          case LOCK_FAILURE, REJECTED, REJECTED_OTHER_REASON:
            if (System.nanoTime() - deadline >= 0) {
              throw locked(git, commitId, patience);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 60));
            break;
          default:
            throw new GitException(
                "cannot write the apply note on " + short7(commitId) + ": git said " + result);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while writing the apply note on " + short7(commitId), e);
    } catch (IOException | RuntimeException e) {
      // JGit reports a full disk or a broken object store as IOException or as its own unchecked
      // exceptions; either way the record was not written, and the caller must be able to say so
      throw new GitException(
          "cannot write the apply note on " + short7(commitId) + ": " + reason(e), e);
    }
  }

  /** One attempt: the note as the ref holds it now, plus the line, moved from that ref only. */
  private static RefUpdate.Result tryAppend(Repository repo, ObjectId target, String line)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectReader reader = walk.getObjectReader();
      Ref ref = repo.exactRef(REF);
      RevCommit notes = ref == null ? null : walk.parseCommit(ref.getObjectId());
      NoteMap map = notes == null ? NoteMap.newEmptyMap() : NoteMap.read(reader, notes);
      RevCommit commit = walk.parseCommit(target);
      ObjectId existing = map.get(commit);
      String before =
          existing == null
              ? ""
              : new String(reader.open(existing).getBytes(), StandardCharsets.UTF_8);
      String text = before.isEmpty() || before.endsWith("\n") ? before : before + "\n";
      map.set(commit, text + line + "\n", inserter);

      PersonIdent who = new PersonIdent(repo);
      CommitBuilder builder = new CommitBuilder();
      builder.setTreeId(map.writeTree(inserter));
      builder.setAuthor(who);
      builder.setCommitter(who);
      builder.setMessage("formation apply record\n");
      if (notes != null) {
        builder.setParentIds(notes);
      }
      ObjectId written = inserter.insert(builder);
      inserter.flush();

      RefUpdate update = repo.updateRef(REF);
      update.setExpectedOldObjectId(notes == null ? ObjectId.zeroId() : notes);
      update.setNewObjectId(written);
      update.setRefLogMessage("formation: apply record", false);
      return update.update(walk);
    }
  }

  private static GitException locked(GitRepo git, String commitId, Duration patience) {
    Path lock = git.repository().getDirectory().toPath().resolve(REF + ".lock");
    String why =
        Files.exists(lock)
            ? lock
                + " exists: another git process is writing the notes, or one that crashed left"
                + " its lock file (delete it once no git process is running)"
            : "other writers kept moving it";
    return new GitException(
        "cannot write the apply note on "
            + short7(commitId)
            + ": "
            + REF
            + " stayed locked for "
            + patience.toSeconds()
            + " s; "
            + why);
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String short7(String commitId) {
    return commitId.length() > 7 ? commitId.substring(0, 7) : commitId;
  }

  /** Whether this repository has any apply record at all ({@code refs/notes/formation} exists). */
  public static boolean present(GitRepo git) throws GitException {
    try {
      return git.repository().exactRef(REF) != null;
    } catch (IOException e) {
      throw new GitException("cannot read " + REF + ": " + e.getMessage(), e);
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
    } catch (IOException | GitAPIException | RuntimeException e) {
      throw new GitException("cannot read " + REF + ": " + reason(e), e);
    }
    return notes;
  }

  private static String text(GitRepo git, Note note) throws IOException {
    ObjectId data = note.getData();
    return new String(git.repository().open(data).getBytes(), StandardCharsets.UTF_8);
  }
}
