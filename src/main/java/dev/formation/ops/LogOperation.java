package dev.formation.ops;

import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.git.GitException;
import dev.formation.git.GitHistory;
import dev.formation.git.GitHistory.CommitInfo;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.plan.FormationDiff;
import dev.formation.plan.FormationDiff.AppDiff;
import dev.formation.planfile.ApplyNoteJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code formation log}: each app's formation history from git, with what was applied when. */
public final class LogOperation {
  /**
   * @param maxCount look at most at this many of the newest commits that touch the files
   */
  public record Request(ConfigSource config, int maxCount) {
    public Request {
      if (maxCount < 1) {
        throw new IllegalArgumentException("maxCount must be at least 1: " + maxCount);
      }
    }
  }

  /**
   * One commit of the history.
   *
   * @param diff what the commit did to the formation, or {@code null} when either side was invalid
   * @param applies the applies that carried this commit's changes out, oldest first
   */
  public record Entry(CommitInfo commit, FormationDiff diff, List<ApplyNoteJson.Applied> applies) {
    public Entry {
      applies = List.copyOf(applies);
    }
  }

  /**
   * @param entries newest commit first
   */
  public record Result(List<Entry> entries, Diagnostics diagnostics) {}

  public Result run(Request request) {
    ConfigSource config = request.config();
    try (GitRepo git = GitRepo.open(config.anchor())) {
      Map<String, FormationDiff> diffs = new LinkedHashMap<>();
      List<CommitInfo> commits =
          GitHistory.touching(git, config.files(), config.workDir(), request.maxCount());
      for (CommitInfo c : commits) {
        Formation after = load(git, config, c.id(), c.shortId());
        Formation before =
            c.parentId() == null
                ? new Formation(List.of())
                : load(git, config, c.parentId(), c.shortId() + "^");
        diffs.put(
            c.id(), before == null || after == null ? null : FormationDiff.between(before, after));
      }
      Map<String, List<ApplyNoteJson.Applied>> applies =
          attribute(git, config, diffs, request.maxCount());
      List<Entry> entries = new ArrayList<>();
      for (CommitInfo c : commits) {
        entries.add(new Entry(c, diffs.get(c.id()), applies.getOrDefault(c.id(), List.of())));
      }
      Diagnostics diagnostics = new Diagnostics();
      if (!commits.isEmpty() && !GitNotes.present(git)) {
        diagnostics.warning(
            Code.FM105,
            "this clone has no apply records ("
                + GitNotes.REF
                + " is not here), so `not applied` below only means that none is known here",
            null,
            "git does not fetch notes by default: git fetch origin "
                + GitNotes.REF
                + ":"
                + GitNotes.REF);
      }
      return new Result(entries, diagnostics);
    } catch (GitException e) {
      return new Result(List.of(), new Diagnostics().error(Code.FM100, e.getMessage(), null, null));
    }
  }

  /**
   * The apply records by the commit whose change of each app they applied. A note sits on the
   * commit that was checked out (a merge, or a later commit that left the files alone); what it
   * applied to an app is that app's formation as last changed by a commit of the log.
   */
  static Map<String, List<ApplyNoteJson.Applied>> attribute(
      GitRepo git, ConfigSource config, Map<String, FormationDiff> diffs, int max)
      throws GitException {
    Map<String, List<ApplyNoteJson.Applied>> byCommit = new LinkedHashMap<>();
    for (Map.Entry<String, String> note : GitNotes.all(git).entrySet()) {
      for (ApplyNoteJson.Applied record : ApplyNoteJson.read(note.getValue())) {
        Set<String> pending = new HashSet<>(record.apps());
        if (pending.isEmpty()) {
          continue;
        }
        try {
          GitHistory.walk(
              git,
              note.getKey(),
              config.files(),
              config.workDir(),
              max,
              c -> {
                if (!diffs.containsKey(c.id())) {
                  return false; // the files came from a commit outside this log
                }
                FormationDiff diff = diffs.get(c.id());
                List<String> changed =
                    diff == null
                        ? List.of()
                        : diff.apps().stream().map(AppDiff::app).filter(pending::contains).toList();
                if (!changed.isEmpty()) {
                  pending.removeAll(changed);
                  byCommit.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(record.of(changed));
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
  private static Formation load(GitRepo git, ConfigSource config, String rev, String label)
      throws GitException {
    LoadResult loaded = GitConfigs.load(git, config, rev, label, true);
    return loaded.formationOrNull();
  }
}
