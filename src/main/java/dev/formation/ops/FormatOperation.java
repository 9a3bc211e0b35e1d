package dev.formation.ops;

import dev.formation.config.edit.Formatter;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import dev.formation.diag.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code formation fmt}: each file validated as {@code validate} would, laid out by {@link
 * Formatter}, and written in one step ({@link FileEdit}), or, with {@code check}, only compared. A
 * file that does not validate, or that cannot be laid out keeping what it says, is left as it is.
 */
public final class FormatOperation {
  /**
   * @param files files, or folders standing for their {@code *.yaml} files, relative to {@code
   *     workDir}
   * @param check whether to write nothing, only report the files that would change
   */
  public record Request(List<Path> files, Path workDir, boolean check) {
    public Request {
      files = List.copyOf(files);
      if (files.isEmpty()) {
        throw new IllegalArgumentException("fmt needs at least one file");
      }
    }
  }

  /**
   * One file.
   *
   * @param before its text as read, or {@code null} when it was refused before being laid out
   * @param after its text in the canonical layout, or {@code null} when refused
   * @param written whether the file on disk was replaced
   */
  public record FileResult(Path file, String before, String after, boolean written) {
    /** Whether the layout changes the file (or would, with {@code --check}). */
    public boolean changes() {
      return before != null && after != null && !before.equals(after);
    }
  }

  /**
   * @param diagnostics the refusals (a file that does not validate, FM179) and, with {@code check},
   *     FM178 for each file that would change
   */
  public record Result(List<FileResult> files, Diagnostics diagnostics, Sources sources) {
    public boolean anyChanges() {
      return files.stream().anyMatch(FileResult::changes);
    }
  }

  public Result run(Request request) {
    Diagnostics diagnostics = new Diagnostics();
    Sources sources = new Sources();
    List<FileResult> results = new ArrayList<>();
    for (Path file : expand(request.files(), request.workDir(), diagnostics)) {
      FileEdit.Outcome outcome =
          FileEdit.run(request.workDir(), file, Formatter::format, !request.check());
      diagnostics.addAll(outcome.diagnostics());
      sources.addAll(outcome.sources());
      boolean refused = outcome.edit() == null || outcome.diagnostics().hasErrors();
      String after = refused ? null : outcome.edit().text();
      FileResult result = new FileResult(file, outcome.before(), after, outcome.written());
      results.add(result);
      if (request.check() && result.changes()) {
        diagnostics.error(
            Code.FM178,
            "`" + file + "` is not laid out as `formation fmt` writes it",
            firstDifference(file.toString(), result.before(), result.after()),
            "run `formation fmt -f " + file + "` and commit the result (docs/fmt.md)");
      }
    }
    return new Result(results, diagnostics, sources);
  }

  /** Each input, a folder standing for its {@code *.yaml} files, sorted by name, once each. */
  private static List<Path> expand(List<Path> inputs, Path workDir, Diagnostics diagnostics) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path input : inputs) {
      Path resolved = workDir.resolve(input);
      if (!Files.isDirectory(resolved)) {
        files.add(input);
        continue;
      }
      try (Stream<Path> list = Files.list(resolved)) {
        List<Path> members =
            list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                .filter(Files::isRegularFile)
                .map(p -> input.resolve(p.getFileName().toString()))
                .sorted()
                .toList();
        if (members.isEmpty()) {
          diagnostics.error(
              Code.FM001,
              "folder `" + input + "` holds no `*.yaml` file",
              SourceRange.file(input.toString()),
              null);
        }
        files.addAll(members);
      } catch (IOException e) {
        diagnostics.error(
            Code.FM001,
            "cannot list folder `" + input + "`: " + e.getMessage(),
            SourceRange.file(input.toString()),
            null);
      }
    }
    return List.copyOf(files);
  }

  /** Where {@code after} first differs from {@code before}: a line and column of {@code before}. */
  static SourceRange firstDifference(String file, String before, String after) {
    int line = 1;
    int col = 1;
    int i = 0;
    while (i < before.length() && i < after.length() && before.charAt(i) == after.charAt(i)) {
      if (before.charAt(i) == '\n') {
        line++;
        col = 1;
      } else if (before.charAt(i) != '\r') {
        col++;
      }
      i++;
    }
    if (i >= before.length() && line > 1 && col == 1) {
      line--;
    }
    return SourceRange.at(file, line, col);
  }
}
