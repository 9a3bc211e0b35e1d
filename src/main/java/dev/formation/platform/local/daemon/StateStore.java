package dev.formation.platform.local.daemon;

import dev.formation.platform.local.daemon.http.Failures;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.StateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Stores each local app in its own JSON file, written atomically (temp file, then rename). */
final class StateStore {
  private final Path dir;

  StateStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Every stored app. A file that cannot be read (truncated, hand-edited, not an app) is reported
   * to {@code notice} and set aside as {@code NAME.json.corrupt-TIME}: it costs that app alone.
   */
  List<AppRecord> loadAll(Consumer<String> notice) throws IOException {
    List<AppRecord> apps = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return apps;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      try {
        AppRecord a = Json.MAPPER.readValue(Files.readAllBytes(f), AppRecord.class);
        check(a, f);
        apps.add(a);
      } catch (IOException | RuntimeException e) {
        Path aside = StateFiles.setAside(f, Instant.now());
        notice.accept(
            "cannot read the local app "
                + f
                + " ("
                + Failures.describe(e).lines().findFirst().orElse("")
                + "); set aside as "
                + aside.getFileName()
                + ", the other apps start");
      }
    }
    return apps;
  }

  private static void check(AppRecord a, Path f) {
    String file = f.getFileName().toString();
    if (a.name() == null
        || !file.equals(a.name() + ".json")
        || a.id() == null
        || a.dir() == null
        || a.port() < 0
        || a.port() > 65535
        || a.processes().stream()
            .anyMatch(
                p ->
                    p == null
                        || p.type() == null
                        || p.command() == null
                        || p.quantity() < 0
                        || dev.formation.catalog.Catalog.standard()
                            .find(String.valueOf(p.size()))
                            .isEmpty())) {
      throw new IllegalArgumentException("not a local app record");
    }
  }

  void save(AppRecord app) throws IOException {
    StateFiles.writeAtomically(
        dir.resolve(app.name() + ".json"), Json.MAPPER.writeValueAsBytes(app));
  }

  void delete(String name) throws IOException {
    Files.deleteIfExists(dir.resolve(name + ".json"));
  }
}
