package dev.formation.ops;

import dev.formation.config.edit.EditResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import dev.formation.diag.Sources;
import java.nio.file.Path;
import java.util.List;

/**
 * Undo of one edit of a config file ({@code formation ui}'s Undo): the file's text as it was before
 * the edit is put back, checked and written as every edit is ({@link FileEdit}), but only while the
 * file still holds exactly the text the edit left; a file changed since is refused ({@link
 * Code#FM190}) and left as it is.
 */
public final class RestoreOperation {
  /**
   * @param file the edited file, relative to {@code workDir}
   * @param edited the file's text as the edit left it
   * @param previous the file's text before the edit, to put back
   * @param changes the edit's changes, undone (each {@code from} and {@code to} swapped)
   */
  public record Request(
      Path file, Path workDir, String edited, String previous, List<EditResult.Change> changes) {
    public Request {
      if (file == null || workDir == null || edited == null || previous == null) {
        throw new IllegalArgumentException("a restore needs a file and both texts");
      }
      changes = List.copyOf(changes);
    }
  }

  /**
   * @param written whether the previous text is on disk again
   */
  public record Result(boolean written, Diagnostics diagnostics, Sources sources) {}

  public Result run(Request request) {
    List<EditResult.Change> undone =
        request.changes().stream()
            .map(c -> new EditResult.Change(c.app(), c.type(), c.field(), c.to(), c.from()))
            .toList();
    FileEdit.Outcome outcome =
        FileEdit.run(
            request.workDir(),
            request.file(),
            (name, text) -> {
              if (!text.equals(request.edited())) {
                Diagnostics refused =
                    new Diagnostics()
                        .error(
                            Code.FM190,
                            "`"
                                + name
                                + "` has changed since the edit; Undo would overwrite that change,"
                                + " so nothing was written",
                            SourceRange.file(name),
                            "edit the file by hand, or make the change again from the page");
                return new EditResult(text, List.of(), refused);
              }
              return new EditResult(request.previous(), undone, new Diagnostics());
            });
    return new Result(outcome.written(), outcome.diagnostics(), outcome.sources());
  }
}
