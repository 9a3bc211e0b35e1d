package dev.formation.ops;

import dev.formation.catalog.Catalog;
import dev.formation.config.edit.EditResult;
import dev.formation.config.edit.FormationEditor;
import dev.formation.config.edit.ScaleEdit;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.Sources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code formation scale}: {@code heroku ps:scale} and {@code ps:type} written into formation.yaml
 * (docs/editing.md), then the plan of the result as {@code plan --app APP} makes it.
 */
public final class ScaleOperation {
  /**
   * @param file the file to edit, relative to the config's working directory
   * @param app the app, or {@code null} for the file's only one
   * @param words {@code web=3}, {@code worker+1}, {@code web=performance-m}, {@code
   *     web=2:standard-2x}
   * @param plan whether to read the live platform and plan the result
   */
  public record Request(
      Path file, Path workDir, String app, List<String> words, boolean plan, Settings settings) {
    public Request {
      words = List.copyOf(words);
      if (words.isEmpty()) {
        throw new IllegalArgumentException("scale needs at least one TYPE=N");
      }
    }
  }

  /**
   * @param edit the edit, or {@code null} when the file or an argument was refused first
   * @param written whether the file was changed on disk
   * @param plan the plan of the result, or {@code null} without {@code --plan} or when refused
   * @param diagnostics the refusals and the edited file's warnings (the plan's own are in {@code
   *     plan})
   */
  public record Result(
      EditResult edit,
      boolean written,
      PlanOperation.Result plan,
      Diagnostics diagnostics,
      Sources sources) {
    public boolean refused() {
      return diagnostics.hasErrors();
    }
  }

  private final Host host;
  private final String version;
  private final Clock clock;

  public ScaleOperation(Host host, String version, Clock clock) {
    this.host = host;
    this.version = version;
    this.clock = clock;
  }

  public Result run(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    List<ScaleEdit> edits = new ArrayList<>();
    for (String word : request.words()) {
      Optional<ScaleEdit> edit = ScaleEdit.parse(word);
      if (edit.isEmpty()) {
        diagnostics.error(
            Code.FM173,
            "cannot read `" + word + "` as a scale argument",
            null,
            "write TYPE=N, TYPE+N, TYPE-N, TYPE=SIZE or TYPE=N:SIZE, as `web=3 worker+1`");
      } else {
        edits.add(edit.get());
      }
    }
    if (diagnostics.hasErrors()) {
      return new Result(null, false, null, diagnostics, new Sources());
    }
    FormationEditor editor = new FormationEditor(Catalog.standard());
    String[] app = {request.app()};
    FileEdit.Outcome outcome =
        FileEdit.run(
            request.workDir(),
            request.file(),
            (name, text) -> {
              EditResult r = editor.edit(name, text, request.app(), edits, null);
              if (app[0] == null && !r.refused()) {
                List<String> apps = FormationEditor.apps(text);
                app[0] = apps.size() == 1 ? apps.get(0) : null;
              }
              return r;
            });
    if (outcome.diagnostics().hasErrors() || !request.plan() || app[0] == null) {
      return new Result(
          outcome.edit(), outcome.written(), null, outcome.diagnostics(), outcome.sources());
    }
    PlanOperation.Result plan =
        new PlanOperation(host, version, clock)
            .run(
                new PlanOperation.Request(
                    ConfigSource.onDisk(List.of(request.file()), request.workDir()),
                    new Selection(List.of(app[0])),
                    request.settings(),
                    null));
    return new Result(
        outcome.edit(), outcome.written(), plan, outcome.diagnostics(), outcome.sources());
  }
}
