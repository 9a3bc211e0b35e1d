package dev.formation.ops;

import dev.formation.config.SourceText;
import dev.formation.git.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The formation files in the work tree, as the newer side of a diff; absent files are skipped. */
final class WorkTreeTexts {
  private static final long MAX_BYTES = 1024 * 1024;

  private WorkTreeTexts() {}

  static List<SourceText> read(ConfigSource source) throws GitException {
    List<SourceText> texts = new ArrayList<>();
    Path wd = source.workDir();
    for (Path input : source.files()) {
      Path resolved = wd.resolve(input);
      if (Files.isDirectory(resolved)) {
        try (Stream<Path> list = Files.list(resolved)) {
          for (Path p :
              list.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                  .filter(Files::isRegularFile)
                  .sorted()
                  .toList()) {
            texts.add(read(input.resolve(p.getFileName().toString()), p));
          }
        } catch (IOException e) {
          throw new GitException("cannot list `" + input + "`: " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(resolved)) {
        texts.add(read(input, resolved));
      }
    }
    return texts;
  }

  private static SourceText read(Path shown, Path file) throws GitException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new GitException("`" + shown + "` is larger than 1 MiB");
      }
      return new SourceText(
          shown.toString(),
          Files.readString(file, StandardCharsets.UTF_8),
          file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new GitException("cannot read `" + shown + "`: " + e.getMessage(), e);
    }
  }
}
