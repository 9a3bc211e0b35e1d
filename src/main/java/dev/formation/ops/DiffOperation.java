package dev.formation.ops;

import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.Sources;
import dev.formation.git.GitException;
import dev.formation.git.GitRepo;
import dev.formation.git.UnifiedDiff;
import dev.formation.plan.FormationDiff;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code formation diff}: what a change to the formation files does, with its cost; offline. */
public final class DiffOperation {
  /**
   * @param from the older revision, or {@code null} for the merge base with the upstream branch
   * @param to the newer revision, or {@code null} for the work tree
   * @param text a unified diff of the files' text instead of the semantic diff
   */
  public record Request(ConfigSource config, String from, String to, boolean text) {}

  /**
   * @param from the older side's label; {@code to} the newer side's
   * @param diff the semantic diff ({@code null} with {@code text}, or when either side failed)
   * @param unified the unified text diff with {@code text}, else {@code null}
   * @param sources the files of both sides, for quoting in diagnostics
   */
  public record Result(
      String from,
      String to,
      FormationDiff diff,
      String unified,
      Sources sources,
      Diagnostics diagnostics) {}

  public Result run(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    Sources sources = new Sources();
    ConfigSource config = request.config();
    try (GitRepo git = GitRepo.open(config.anchor())) {
      GitRepo.Revision base =
          request.from() != null
              ? new GitRepo.Revision(request.from(), request.from())
              : git.defaultBase();
      String from = base.label();
      String to = request.to() != null ? request.to() : "work tree";
      List<SourceText> older = GitConfigs.texts(git, config, base.id(), from, true);
      List<SourceText> newer =
          request.to() != null
              ? GitConfigs.texts(git, config, request.to(), request.to(), true)
              : WorkTreeTexts.read(config);
      String missing = absentFromBoth(config, older, newer);
      if (missing != null) {
        diagnostics.error(
            Code.FM102,
            "`"
                + missing
                + "` exists neither at "
                + from
                + " nor "
                + (request.to() == null ? "in the work tree" : "at " + request.to()),
            null,
            "check the -f paths and the folder formation runs in");
        return new Result(from, to, null, null, sources, diagnostics);
      }
      if (request.text()) {
        return new Result(
            from, to, null, unified(from, older, request.to(), newer), sources, diagnostics);
      }
      Formation a = load(config, older, sources, diagnostics);
      Formation b = load(config, newer, sources, diagnostics);
      FormationDiff diff = a == null || b == null ? null : FormationDiff.between(a, b);
      return new Result(from, to, diff, null, sources, diagnostics);
    } catch (GitException e) {
      diagnostics.error(Code.FM100, e.getMessage(), null, null);
      return new Result(null, null, null, null, sources, diagnostics);
    }
  }

  private static Formation load(
      ConfigSource config, List<SourceText> texts, Sources sources, Diagnostics diagnostics) {
    LoadResult loaded = GitConfigs.loader(config).loadTexts(texts);
    sources.addAll(loaded.sources());
    diagnostics.addAll(loaded.diagnostics());
    return loaded.formationOrNull();
  }

  /**
   * The first {@code -f} input that neither version holds: a mistyped path, or a run from the wrong
   * folder, would otherwise show as "no changes".
   */
  private static String absentFromBoth(
      ConfigSource config, List<SourceText> older, List<SourceText> newer) {
    for (Path input : config.files()) {
      Path wanted = input.normalize();
      boolean found =
          Stream.concat(older.stream(), newer.stream())
              .map(t -> Path.of(path(t)).normalize())
              .anyMatch(p -> wanted.toString().isEmpty() || p.startsWith(wanted));
      if (!found) {
        return input.toString();
      }
    }
    return null;
  }

  /** Pairs the files of both versions by path and diffs each pair. */
  private static String unified(
      String from, List<SourceText> older, String revB, List<SourceText> newer) {
    Map<String, String[]> byPath = new LinkedHashMap<>();
    older.forEach(t -> byPath.computeIfAbsent(path(t), k -> new String[2])[0] = t.text());
    newer.forEach(t -> byPath.computeIfAbsent(path(t), k -> new String[2])[1] = t.text());
    StringBuilder out = new StringBuilder();
    byPath.forEach(
        (path, texts) ->
            out.append(
                UnifiedDiff.of(
                    from + ":" + path,
                    texts[0],
                    revB == null ? path : revB + ":" + path,
                    texts[1])));
    return out.toString();
  }

  /** The file's path without the {@code REF:} prefix of its display name. */
  private static String path(SourceText t) {
    String name = t.displayName();
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }
}
