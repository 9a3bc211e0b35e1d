package dev.formation.ops.autoscale;

import dev.formation.autoscale.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backlog samples {@code formation autoscale --state FILE} keeps between runs, so that a
 * controller run from cron ({@code --once}) can scale down once {@code scale_down_after} of samples
 * allow it. One line per sample, {@code APP<TAB>TYPE<TAB>EPOCH_MILLIS<TAB>BACKLOG}, under a first
 * line naming the format; written whole (a temporary file moved over it), mode 0600.
 */
final class SampleFile {
  static final String HEADER = "# formation autoscale samples v1";

  private SampleFile() {}

  /** The samples by {@code APP<TAB>TYPE}; none when the file does not exist yet. */
  static Map<String, List<Sample>> read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException("its first line is not `" + HEADER + "`");
    }
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      try {
        if (f.length != 4 || f[0].isEmpty() || f[1].isEmpty()) {
          throw new IllegalArgumentException("four tab-separated fields expected");
        }
        Sample s = new Sample(Instant.ofEpochMilli(Long.parseLong(f[2])), Long.parseLong(f[3]));
        samples.computeIfAbsent(f[0] + "\t" + f[1], k -> new ArrayList<>()).add(s);
      } catch (IllegalArgumentException e) {
        throw new IOException("line " + (i + 1) + " is not a sample: " + e.getMessage());
      }
    }
    return samples;
  }

  /** Writes every sample, replacing the file in one step. */
  static void write(Path file, Map<String, List<Sample>> samples) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    samples.forEach(
        (key, list) ->
            list.forEach(
                s ->
                    text.append(key)
                        .append('\t')
                        .append(s.at().toEpochMilli())
                        .append('\t')
                        .append(s.backlog())
                        .append('\n')));
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".formation-autoscale", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its own defaults apply
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
