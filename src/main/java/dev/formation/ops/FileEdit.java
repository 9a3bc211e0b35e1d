package dev.formation.ops;

import dev.formation.catalog.Catalog;
import dev.formation.config.ConfigLoader;
import dev.formation.config.LoadResult;
import dev.formation.config.SourceText;
import dev.formation.config.edit.EditResult;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import dev.formation.diag.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One edit of one config file on disk: the file validated as it is, edited as text, the result
 * validated as {@code validate} would, and written in place atomically (a temporary file in the
 * same folder, moved over it, with the file's permissions), or nothing written at all.
 */
final class FileEdit {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * @param loaded the file as it is on disk after the edit (the edited text when written), or
   *     {@code null} when it could not be read
   * @param before the file's text as it was read, or {@code null} when it was refused before
   * @param edit the edit, or {@code null} when the file was refused before editing
   * @param sources the texts the diagnostics quote
   * @param written whether the file on disk was replaced
   */
  record Outcome(
      LoadResult loaded,
      String before,
      EditResult edit,
      Diagnostics diagnostics,
      Sources sources,
      boolean written) {
    /** Whether the edit changes the text (written, or to be written when it was a dry run). */
    boolean changes() {
      return edit != null && before != null && !edit.refused() && !edit.text().equals(before);
    }
  }

  private FileEdit() {}

  /** Edits {@code file} with {@code edit} (its display name and text in, the edit out). */
  static Outcome run(Path workDir, Path file, BiFunction<String, String, EditResult> edit) {
    return run(workDir, file, edit, true);
  }

  /**
   * Edits {@code file} with {@code edit}; with {@code write} false, checks the edited text as it
   * would be written and leaves the file as it is (a dry run).
   */
  static Outcome run(
      Path workDir, Path file, BiFunction<String, String, EditResult> edit, boolean write) {
    Diagnostics diagnostics = new Diagnostics();
    ConfigLoader loader = new ConfigLoader(Catalog.standard(), workDir);
    Path resolved = workDir.resolve(file);
    if (Files.isDirectory(resolved)) {
      diagnostics.error(
          Code.FM174,
          "`" + file + "` is a folder; an edit changes one file",
          SourceRange.file(file.toString()),
          "name the file with `-f FILE`");
      return new Outcome(null, null, null, diagnostics, new Sources(), false);
    }
    LoadResult before = loader.load(List.of(file));
    diagnostics.addAll(before.diagnostics());
    if (!before.ok()) {
      return new Outcome(before, null, null, diagnostics, before.sources(), false);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(resolved);
    } catch (IOException e) {
      diagnostics.error(
          Code.FM001,
          "cannot read `" + file + "`: " + e.getMessage(),
          SourceRange.file(file.toString()),
          null);
      return new Outcome(before, null, null, diagnostics, before.sources(), false);
    }
    String text = SourceText.decode(bytes);
    EditResult result = edit.apply(file.toString(), text);
    diagnostics.addAll(result.diagnostics());
    if (result.refused() || result.text().equals(text)) {
      return new Outcome(before, text, result, diagnostics, before.sources(), false);
    }
    Path parent = resolved.toAbsolutePath().getParent();
    LoadResult after =
        loader.loadTexts(List.of(new SourceText(file.toString(), result.text(), parent)));
    if (!after.ok()) {
      diagnostics.error(
          Code.FM175,
          "the edit would make `" + file + "` invalid; nothing was" + " written",
          null,
          "the findings below quote the file as the edit would leave it");
      diagnostics.addAll(after.diagnostics());
      return new Outcome(before, text, result, diagnostics, after.sources(), false);
    }
    if (!write) {
      return new Outcome(before, text, result, diagnostics, before.sources(), false);
    }
    boolean bom =
        bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    try {
      write(resolved, result.text(), bom);
    } catch (IOException e) {
      diagnostics.error(
          Code.FM176,
          "cannot write `" + file + "`: " + e.getMessage() + "; the file is unchanged",
          SourceRange.file(file.toString()),
          "check that the folder is writable");
      return new Outcome(before, text, result, diagnostics, before.sources(), false);
    }
    return new Outcome(after, text, result, diagnostics, after.sources(), true);
  }

  private static void write(Path file, String text, boolean bom) throws IOException {
    Path target = file.toRealPath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      try (var out = Files.newOutputStream(temp)) {
        if (bom) {
          out.write(BOM);
        }
        out.write(body);
      }
      PosixFileAttributeView posix =
          Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (posix != null) {
        Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
