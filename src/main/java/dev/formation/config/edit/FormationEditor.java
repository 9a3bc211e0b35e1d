package dev.formation.config.edit;

import dev.formation.catalog.Catalog;
import dev.formation.config.yaml.SourceTree;
import dev.formation.config.yaml.SourceTree.Mapping;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits the process types of formation.yaml as {@code heroku ps:scale} and {@code ps:type} would
 * change a live app: pure, text in and text out. Only the characters of the changed values are
 * replaced, and a key that is added is written in the style and indentation around it; every other
 * character (comments, anchors, blank lines, quoting, line breaks) stays as it was. What cannot be
 * changed that way is refused with a located diagnostic (docs/editing.md).
 */
public final class FormationEditor {
  private final Catalog catalog;

  public FormationEditor(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Applies {@code edits} in order to app {@code app} of {@code text}.
   *
   * @param file the file's name as diagnostics show it
   * @param app the app, or {@code null} for the file's only app
   * @param newTypeComment a comment written above a process type the edit adds, or {@code null}
   */
  public EditResult edit(
      String file, String text, String app, List<ScaleEdit> edits, String newTypeComment) {
    Diagnostics diags = new Diagnostics();
    String current = text;
    List<EditResult.Change> changes = new ArrayList<>();
    String name = app;
    for (int i = 0; i < edits.size(); i++) {
      try {
        Step step = new Step(catalog, file, current, newTypeComment);
        name = step.app(app);
        current = step.apply(name, edits.get(i), changes);
      } catch (Refusal refusal) {
        // Located in the file as it is on disk, where the refused value can be found.
        Refusal located = refusal;
        if (i > 0) {
          try {
            new Step(catalog, file, text, newTypeComment)
                .apply(name, edits.get(i), new ArrayList<>());
          } catch (Refusal again) {
            located = again.code() == refusal.code() ? again : refusal;
          }
        }
        diags.add(located.diagnostic());
        return new EditResult(text, List.of(), diags);
      }
    }
    return new EditResult(current, changes, diags);
  }

  /** The names of the apps {@code text} defines, in written order; empty when it cannot be read. */
  public static List<String> apps(String text) {
    try {
      if (SourceTree.parse(text) instanceof Mapping root) {
        Mapping apps = Tree.mapping(root, "apps");
        return apps == null ? List.of() : List.copyOf(Tree.fields(apps).keySet());
      }
    } catch (SourceTree.Unreadable e) {
      return List.of();
    }
    return List.of();
  }

  /** The hint for an app not in the file. */
  static String appHint(String app, List<String> apps) {
    String close = DidYouMean.didYouMean(app, apps);
    return close != null ? close : "the file defines " + String.join(", ", apps);
  }
}
