package dev.formation.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Stores each local app in its own JSON file, written atomically (temp file, then rename). */
final class StateStore {
  private final Path dir;

  StateStore(Path dir) {
    this.dir = dir;
  }

  List<AppRecord> loadAll() throws IOException {
    List<AppRecord> apps = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return apps;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try {
          apps.add(Json.MAPPER.readValue(Files.readAllBytes(f), AppRecord.class));
        } catch (RuntimeException e) {
          // a hand-edited file: say which one, so it can be fixed or removed
          throw new IOException(
              "cannot read the local app " + f + " (fix or remove it): " + e.getMessage(), e);
        }
      }
    }
    return apps;
  }

  void save(AppRecord app) throws IOException {
    writeAtomically(dir.resolve(app.name() + ".json"), Json.MAPPER.writeValueAsBytes(app));
  }

  void delete(String name) throws IOException {
    Files.deleteIfExists(dir.resolve(name + ".json"));
  }

  /** Writes a file so a reader (or a crash) never sees half of it. */
  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
