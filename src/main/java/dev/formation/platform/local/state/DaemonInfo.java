package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running daemon writes to {@code daemon.json} so clients find it. Holds no secret: the
 * token stays in its own 0600 file.
 */
public record DaemonInfo(String url, int port, long pid, String tokenFile, String startedAt) {

  /** The daemon described by the file, if there is one and it can be read. */
  public static Optional<DaemonInfo> read(Path file) {
    try {
      return parse(file);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The daemon described by the file, or empty when there is no file.
   *
   * @throws IOException when the file cannot be read or is not a daemon's description
   */
  public static Optional<DaemonInfo> parse(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      DaemonInfo i = Json.MAPPER.readValue(Files.readAllBytes(file), DaemonInfo.class);
      if (i.url() == null || !i.url().startsWith("http://127.0.0.1:") || i.pid() <= 0) {
        throw new IOException("not a daemon description");
      }
      return Optional.of(i);
    } catch (RuntimeException e) {
      throw new IOException("not a daemon description", e);
    }
  }

  public void write(Path file) throws IOException {
    StateFiles.writeAtomically(
        file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
  }

  /** Whether the process that wrote the file still runs. */
  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
