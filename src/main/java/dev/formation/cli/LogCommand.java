package dev.formation.cli;

import dev.formation.cli.render.ApplyNoteJson;
import dev.formation.cli.render.LogRenderer;
import dev.formation.cli.render.OutputFormat;
import dev.formation.config.Formation;
import dev.formation.config.LoadResult;
import dev.formation.git.GitException;
import dev.formation.git.GitHistory;
import dev.formation.git.GitNotes;
import dev.formation.git.GitRepo;
import dev.formation.plan.FormationDiff;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      Map<String, List<ApplyNoteJson.Applied>> notes = new LinkedHashMap<>();
      GitNotes.all(git).forEach((id, text) -> notes.put(id, ApplyNoteJson.read(text)));
      List<LogRenderer.Entry> entries = new ArrayList<>();
      for (GitHistory.CommitInfo c :
          GitHistory.touching(git, config.files(), config.workingDir(), Math.max(1, maxCount))) {
        Formation after = load(git, c.id(), c.shortId());
        Formation before =
            c.parentId() == null
                ? new Formation(List.of())
                : load(git, c.parentId(), c.shortId() + "^");
        FormationDiff diff =
            before == null || after == null ? null : FormationDiff.between(before, after);
        entries.add(new LogRenderer.Entry(c, diff, notes.getOrDefault(c.id(), List.of())));
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

  /** The formation at a commit, or {@code null} when it was invalid there. */
  private Formation load(GitRepo git, String rev, String label) throws GitException {
    LoadResult loaded = GitConfigs.load(git, config, rev, label, true);
    return loaded.formationOrNull();
  }
}
