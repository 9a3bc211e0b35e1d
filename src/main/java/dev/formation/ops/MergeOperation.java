package dev.formation.ops;

import dev.formation.apply.LiveReader;
import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.config.ProcessSpec;
import dev.formation.config.edit.EditResult;
import dev.formation.config.edit.FormationEditor;
import dev.formation.config.edit.ScaleEdit;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.Sources;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.platform.PlatformProvider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code formation import --merge}: the live counts and sizes of apps already in a file, written
 * into it as {@code formation scale} writes (the {@code -refresh-only} of formation). A type an
 * autoscaler owns keeps its band and takes only the live size; a live type the file lacks is added
 * under a comment saying when.
 */
public final class MergeOperation {
  /**
   * @param apps the apps to adopt, or empty for every app of the file
   * @param today the date the comment of an added type gives
   */
  public record Request(
      Path file, Path workDir, List<String> apps, Settings settings, LocalDate today) {
    public Request {
      apps = List.copyOf(apps);
    }
  }

  /**
   * @param edit the edit, or {@code null} when the file was refused before it
   * @param written whether the file changed on disk
   * @param diagnostics the refusals, and an {@code FM120} for each app not read live
   */
  public record Result(
      EditResult edit, boolean written, Diagnostics diagnostics, Sources sources) {}

  private final Host host;
  private final String version;

  public MergeOperation(Host host, String version) {
    this.host = host;
    this.version = version;
  }

  public Result run(Request request) {
    Diagnostics read = new Diagnostics();
    FormationEditor editor = new FormationEditor(Catalog.standard());
    String comment = "adopted from the live platform on " + request.today();
    FileEdit.Outcome outcome =
        FileEdit.run(
            request.workDir(),
            request.file(),
            (name, text) -> {
              Formation formation = loaded(request);
              Map<String, LiveApp> live = readLive(request, formation, read);
              return adopt(editor, name, text, live, comment, formation);
            });
    Diagnostics all = new Diagnostics().addAll(read).addAll(outcome.diagnostics());
    return new Result(outcome.edit(), outcome.written(), all, outcome.sources());
  }

  private static Formation loaded(Request request) {
    LoadResult loaded =
        Configs.load(ConfigSource.onDisk(List.of(request.file()), request.workDir()));
    return loaded.formationOrNull();
  }

  private Map<String, LiveApp> readLive(
      Request request, Formation formation, Diagnostics diagnostics) {
    Formation selected = new Selection(request.apps()).select(formation, diagnostics);
    if (selected == null) {
      return Map.of();
    }
    LiveReader.Result result;
    try (Adapters platforms =
        new Adapters(
            host,
            request.settings(),
            version,
            dev.formation.platform.PlatformContext.Intent.INSPECT)) {
      result =
          new LiveReader(platforms, request.settings().parallelism(), host.listener()::progress)
              .readApps(selected.apps());
      platforms.warnings().forEach(diagnostics::add);
    }
    result
        .errors()
        .forEach(
            (app, why) -> {
              // a failure its platform named (a weak local token) keeps its own code and hint
              Diagnostic own = result.coded().get(app);
              diagnostics.error(
                  own == null ? Code.FM120 : own.code(),
                  app + ": " + why + "; its values in the file are left as they are",
                  null,
                  own == null ? null : own.hint());
            });
    Map<String, LiveApp> live = new java.util.LinkedHashMap<>();
    result
        .live()
        .forEach(
            (name, app) -> {
              AppSpec spec = selected.app(name).orElseThrow();
              Optional<PlatformProvider.Absence> absent =
                  ((PlatformProvider) spec.platform()).absent(app);
              if (absent.isPresent()) {
                diagnostics.error(
                    Code.FM120,
                    name
                        + ": "
                        + absent.get().message()
                        + "; its values in the file are left as they are",
                    null,
                    absent.get().hint());
              } else {
                live.put(name, app);
              }
            });
    return live;
  }

  private static EditResult adopt(
      FormationEditor editor,
      String name,
      String text,
      Map<String, LiveApp> live,
      String comment,
      Formation formation) {
    String current = text;
    List<EditResult.Change> changes = new ArrayList<>();
    for (LiveApp app : live.values()) {
      AppSpec spec = formation.app(app.name()).orElseThrow();
      EditResult r = editor.edit(name, current, app.name(), edits(spec, app), comment);
      if (r.refused()) {
        return new EditResult(text, List.of(), r.diagnostics());
      }
      current = r.text();
      changes.addAll(r.changes());
    }
    return new EditResult(current, changes, new Diagnostics());
  }

  /** The edits that make the file say what {@code app} runs. */
  static List<ScaleEdit> edits(AppSpec spec, LiveApp app) {
    List<ScaleEdit> edits = new ArrayList<>();
    for (LiveProcess p :
        app.processes().stream().sorted(Comparator.comparing(LiveProcess::type)).toList()) {
      if (!ScaleEdit.isType(p.type())) {
        continue;
      }
      Optional<ProcessSpec> mine = spec.process(p.type());
      String size = LiveProcess.CUSTOM.equals(p.size()) ? null : p.size();
      if (mine.isPresent() && mine.get().autoscaled()) {
        if (size != null) {
          edits.add(new ScaleEdit(p.type(), null, null, size));
        }
      } else if (mine.isPresent() || size != null) {
        edits.add(new ScaleEdit(p.type(), p.quantity(), null, size));
      }
    }
    return edits;
  }
}
