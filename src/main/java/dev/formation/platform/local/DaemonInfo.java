package dev.formation.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running daemon writes to {@code daemon.json} so clients find it. Holds no secret: the
 * token stays in its own 0600 file.
 */
public record DaemonInfo(String url, int port, long pid, String tokenFile, String startedAt) {

  /** The daemon described by the file, if there is one. */
  public static Optional<DaemonInfo> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), DaemonInfo.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void write(Path file) throws IOException {
    StateStore.writeAtomically(
        file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
  }

  /** Whether the process that wrote the file still runs. */
  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
