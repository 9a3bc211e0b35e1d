package dev.formation.config.edit;

import dev.formation.diag.Diagnostics;
import java.util.List;

/**
 * What an edit of a file's text gives: the new text (the old one, unchanged, when the edit was
 * refused or changed nothing), the changes made, and the refusals.
 *
 * @param diagnostics the located refusals (FM110, FM170-FM174, FM177); when it holds an error,
 *     {@code text} is the original text and {@code changes} is empty
 */
public record EditResult(String text, List<Change> changes, Diagnostics diagnostics) {
  /**
   * One value changed.
   *
   * @param field {@code quantity}, {@code size}, or {@code ""} for a process type added
   * @param from the value as it was written, or {@code null} when the key was added
   * @param to the value as it is written now
   */
  public record Change(String app, String type, String field, String from, String to) {
    public String describe() {
      String where = app + " " + type;
      if (field.isEmpty()) {
        return where + ": added (" + to + ")";
      }
      return where + " " + field + ": " + (from == null ? "(none)" : from) + " → " + to;
    }
  }

  public EditResult {
    changes = List.copyOf(changes);
    if (text == null || diagnostics == null) {
      throw new IllegalArgumentException("an edit result needs a text and diagnostics");
    }
  }

  public boolean refused() {
    return diagnostics.hasErrors();
  }

  public boolean changed() {
    return !changes.isEmpty();
  }
}
