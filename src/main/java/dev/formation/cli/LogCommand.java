package dev.formation.cli;

import dev.formation.cli.render.LogRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.git.GitException;
import dev.formation.git.GitHistory;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.plan.FormationDiff;
import dev.formation.planfile.ApplyNoteJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code formation log}: each app's formation history from git, with what was applied when. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "List, per app, the commits that changed its formation, newest first: author, date,"
          + " subject, the change and its monthly cost, and when it was applied (from the notes"
          + " under refs/notes/formation that apply writes)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the history was shown", "1:error (not a git repository)"})
public final class LogCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConfigOptions config;

  @Option(names = "--app", paramLabel = "APP", description = "Only this app (repeatable).")
  private List<String> apps = new ArrayList<>();

  @Option(
      names = "--max-count",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Look at most at the N newest commits that touch the files (default: ${DEFAULT-VALUE}).")
  private int maxCount;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  private String formatWord;

  @Override
  public Integer call() {
    OutputFormat format =
        OutputFormat.parse(spec, formatWord, OutputFormat.TEXT, OutputFormat.JSON);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (GitRepo git = GitRepo.open(config.workingDir())) {
      int max = Math.max(1, maxCount);
      Map<String, FormationDiff> diffs = new LinkedHashMap<>();
      List<GitHistory.CommitInfo> commits =
          GitHistory.touching(git, config.files(), config.workingDir(), max);
      for (GitHistory.CommitInfo c : commits) {
        Formation after = load(git, c.id(), c.shortId());
        Formation before =
            c.parentId() == null
                ? new Formation(List.of())
                : load(git, c.parentId(), c.shortId() + "^");
        diffs.put(
            c.id(), before == null || after == null ? null : FormationDiff.between(before, after));
      }
      Map<String, List<ApplyNoteJson.Applied>> applies = attribute(git, diffs, max);
      List<LogRenderer.Entry> entries = new ArrayList<>();
      for (GitHistory.CommitInfo c : commits) {
        entries.add(
            new LogRenderer.Entry(c, diffs.get(c.id()), applies.getOrDefault(c.id(), List.of())));
      }
      out.print(
          format == OutputFormat.JSON
              ? LogRenderer.json(entries, apps)
              : LogRenderer.text(entries, apps));
      out.flush();
      return ExitCode.OK;
    } catch (GitException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCode.ERROR;
    }
  }

  /**
   * The apply records by the commit whose change of each app they applied. A note sits on the
   * commit that was checked out (a merge, or a later commit that left the files alone); what it
   * applied to an app is that app's formation as last changed by a commit of the log.
   */
  private Map<String, List<ApplyNoteJson.Applied>> attribute(
      GitRepo git, Map<String, FormationDiff> diffs, int max) throws GitException {
    Map<String, List<ApplyNoteJson.Applied>> byCommit = new LinkedHashMap<>();
    for (Map.Entry<String, String> note : GitNotes.all(git).entrySet()) {
      List<ApplyNoteJson.Applied> records = ApplyNoteJson.read(note.getValue());
      if (records.isEmpty()) {
        continue;
      }
      for (ApplyNoteJson.Applied record : records) {
        Set<String> pending = new HashSet<>(record.apps());
        if (pending.isEmpty()) {
          continue;
        }
        try {
          GitHistory.walk(
              git,
              note.getKey(),
              config.files(),
              config.workingDir(),
              max,
              c -> {
                if (!diffs.containsKey(c.id())) {
                  return false; // the files came from a commit outside this log
                }
                FormationDiff diff = diffs.get(c.id());
                List<String> changed =
                    diff == null
                        ? List.of()
                        : diff.apps().stream().map(a -> a.app()).filter(pending::contains).toList();
                if (!changed.isEmpty()) {
                  pending.removeAll(changed);
                  byCommit
                      .computeIfAbsent(c.id(), k -> new ArrayList<>())
                      .add(new ApplyNoteJson.Applied(record.at(), changed, record.toolVersion()));
                }
                return !pending.isEmpty();
              });
        } catch (GitException e) {
          break; // a note on a commit this clone does not have
        }
      }
    }
    byCommit.values().forEach(l -> l.sort(Comparator.comparing(ApplyNoteJson.Applied::at)));
    return byCommit;
  }

  /** The formation at a commit, or {@code null} when it was invalid there. */
  private Formation load(GitRepo git, String rev, String label) throws GitException {
    LoadResult loaded = GitConfigs.load(git, config, rev, label, true);
    return loaded.formationOrNull();
  }
}
