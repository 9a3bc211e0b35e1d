package dev.formation.config;

import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads config files from disk into {@link SourceText}s, refusing what is not small UTF-8 text. */
final class ConfigFiles {
  /** Files larger than this are refused before being read: no formation needs 1 MiB. */
  static final long MAX_BYTES = 1024 * 1024;

  private final Path workingDir;

  ConfigFiles(Path workingDir) {
    this.workingDir = workingDir;
  }

  /** The texts of every input; a folder stands for its {@code *.yaml} files, sorted by name. */
  List<SourceText> read(List<Path> inputs, Diagnostics diags) {
    List<SourceText> texts = new ArrayList<>();
    // `-f conf -f conf/a.yaml` names a.yaml twice; reading it twice would make every app a
    // duplicate.
    Set<Path> seen = new HashSet<>();
    for (Path input : inputs) {
      Path resolved = workingDir.resolve(input);
      if (Files.isDirectory(resolved)) {
        List<Path> members = yamlFilesIn(input, resolved, diags);
        for (Path member : members) {
          Path file = workingDir.resolve(member);
          if (seen.add(file.normalize())) {
            readOne(member, file, diags, texts);
          }
        }
      } else if (seen.add(resolved.normalize())) {
        readOne(input, resolved, diags, texts);
      }
    }
    return texts;
  }

  private List<Path> yamlFilesIn(Path shown, Path folder, Diagnostics diags) {
    List<Path> members = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(Files::isRegularFile)
          .map(p -> shown.resolve(p.getFileName().toString()))
          .sorted()
          .forEach(members::add);
    } catch (IOException e) {
      refuse(diags, shown, "cannot list folder `" + shown + "`: " + reason(e), null);
      return members;
    }
    if (members.isEmpty()) {
      refuse(diags, shown, "folder `" + shown + "` holds no `*.yaml` file", null);
    }
    return members;
  }

  private void readOne(Path shown, Path file, Diagnostics diags, List<SourceText> out) {
    String name = shown.toString();
    try {
      if (!Files.isRegularFile(file)) {
        String what = Files.exists(file) ? "is not a regular file" : "does not exist";
        refuse(diags, shown, "config file `" + name + "` " + what, missingHint(shown));
        return;
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        refuse(
            diags,
            shown,
            "`" + name + "` is " + size + " bytes; formation reads at most 1 MiB",
            "a formation file is a few kilobytes; is this the right file?");
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = SourceText.decode(bytes);
      if (text == null) {
        refuse(
            diags,
            shown,
            "`" + name + "` is not UTF-8 text",
            "the file looks binary; formation reads UTF-8 YAML");
        return;
      }
      Path parent = file.toAbsolutePath().getParent();
      out.add(new SourceText(name, text, parent));
    } catch (IOException e) {
      refuse(diags, shown, "cannot read `" + name + "`: " + reason(e), null);
    }
  }

  private static String missingHint(Path shown) {
    return shown.toString().equals("formation.yaml")
        ? "run formation in the folder that holds formation.yaml, or pass `-f PATH`"
        : null;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void refuse(Diagnostics diags, Path shown, String message, String hint) {
    diags.error(Code.FM001, message, SourceRange.file(shown.toString()), hint);
  }
}
