package dev.formation.cli;

import dev.formation.cli.render.Colors;
import dev.formation.cli.render.DiffRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.cli.render.TextDiagnostics;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import dev.formation.git.GitException;
import dev.formation.git.GitRepo;
import dev.formation.git.UnifiedDiff;
import dev.formation.plan.FormationDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code formation diff}: what a change to the formation files does, with its cost; offline. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a change to the formation files does to each app, with the monthly cost before"
          + " and after. Offline: no platform is read.",
      "REV_A defaults to the merge base of HEAD with its upstream branch (HEAD when the branch"
          + " tracks none); REV_B defaults to the files in the work tree. A file absent from one"
          + " version counts as empty; a file in neither is an error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the diff was shown, whether or not anything changed",
      "1:error (not a git repository, unknown ref, invalid config in either version)"
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "REV_A",
      description = "The older version: a commit, branch or tag.")
  private String revA;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "REV_B",
      description = "The newer version (default: the work tree).")
  private String revB;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  private String formatWord;

  @Option(names = "--text", description = "Print a unified diff of the files' text instead.")
  private boolean text;

  @Override
  public Integer call() {
    OutputFormat format =
        OutputFormat.parse(
            spec, formatWord, OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.MARKDOWN);
    Environment env = FormationCommand.environmentOf(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (GitRepo git = GitRepo.open(config.workingDir())) {
      GitRepo.Revision base = revA != null ? new GitRepo.Revision(revA, revA) : git.defaultBase();
      String from = base.label();
      String fromRev = base.id();
      String to = revB != null ? revB : "work tree";
      List<SourceText> older = GitConfigs.texts(git, config, fromRev, from, true);
      List<SourceText> newer =
          revB != null
              ? GitConfigs.texts(git, config, revB, revB, true)
              : WorkTreeTexts.read(config);
      String missing = absentFromBoth(older, newer);
      if (missing != null) {
        err.println(
            "error: `"
                + missing
                + "` exists neither at "
                + from
                + " nor "
                + (revB == null ? "in the work tree" : "at " + revB)
                + "; check the -f paths and the folder formation runs in");
        err.flush();
        return ExitCode.ERROR;
      }
      if (text) {
        out.print(unified(from, older, revB, newer));
        out.flush();
        return ExitCode.OK;
      }
      Formation a = load(older, env, err);
      Formation b = load(newer, env, err);
      if (a == null || b == null) {
        return ExitCode.ERROR;
      }
      FormationDiff diff = FormationDiff.between(a, b);
      out.print(
          switch (format) {
            case JSON -> DiffRenderer.json(diff, from, to);
            case MARKDOWN -> DiffRenderer.markdown(diff, from, to);
            default -> DiffRenderer.text(diff, from, to);
          });
      out.flush();
      return ExitCode.OK;
    } catch (GitException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCode.ERROR;
    }
  }

  private Formation load(List<SourceText> texts, Environment env, PrintWriter err) {
    LoadResult loaded = GitConfigs.loader(config.workingDir()).loadTexts(texts);
    if (!loaded.diagnostics().isEmpty()) {
      new TextDiagnostics(loaded.sources(), Colors.when(env.colour()))
          .render(loaded.diagnostics().sorted(), err);
    }
    if (!loaded.ok()) {
      err.println("error: the configuration is invalid; no diff was made");
      err.flush();
    }
    return loaded.formationOrNull();
  }

  /**
   * The first {@code -f} input that neither version holds: a mistyped path, or a run from the wrong
   * folder, would otherwise show as "no changes".
   */
  private String absentFromBoth(List<SourceText> older, List<SourceText> newer) {
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
